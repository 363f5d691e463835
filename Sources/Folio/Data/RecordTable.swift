import FolioCore

/// Rows as read from a file, before column typing: header names and cells per row.
struct RecordTable {
    struct Cell {
        var text: String
        /// A JSON number: numeric whatever its spelling (`1e3`).
        var isNumberLiteral = false
    }

    struct Row {
        var cells: [Cell]
        var location: SourceLocation
    }

    var header: [String]
    var rows: [Row]

    /// Types the columns (SPEC §3) and builds the dataset; units and labels come from the meta file.
    func dataset(name: String, path: String, meta: DatasetMeta?) -> Dataset {
        var numeric = [Bool](repeating: true, count: header.count)
        for row in rows {
            for (index, cell) in row.cells.enumerated() where numeric[index] && !cell.text.isEmpty {
                if !(cell.isNumberLiteral || NumberText.matches(cell.text)) || !(Double(cell.text)?.isFinite ?? false) {
                    numeric[index] = false
                }
            }
        }
        let columns = header.enumerated().map { index, column in
            DatasetColumn(name: column, isNumeric: numeric[index], unit: meta?.units[column], label: meta?.labels[column])
        }
        let typed = rows.map { row in
            DatasetRow(
                cells: row.cells.enumerated().map { index, cell in
                    DatasetCell(text: cell.text, number: numeric[index] && !cell.text.isEmpty ? Double(cell.text) : nil)
                },
                location: row.location)
        }
        return Dataset(name: name, columns: columns, rows: typed, meta: meta, path: path)
    }
}
