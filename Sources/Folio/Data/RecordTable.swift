import FolioCore

/// Rows as read from a file, before column typing: header names and cells per row.
struct RecordTable {
    struct Cell {
        var text: String
        /// A JSON number: numeric whatever its spelling (`1e3`).
        var isNumberLiteral = false

        /// Whether the cell can be in a numeric column (SPEC §3): a finite number, written plainly.
        var isNumeric: Bool {
            (isNumberLiteral || NumberText.matches(text)) && (Double(text)?.isFinite ?? false)
        }
    }

    struct Row {
        var cells: [Cell]
        var location: SourceLocation

        /// The row as a dataset's, given which columns are numeric.
        func typed(numeric: [Bool]) -> DatasetRow {
            DatasetRow(
                cells: cells.enumerated().map { index, cell in
                    DatasetCell(text: cell.text, number: numeric[index] && !cell.text.isEmpty ? Double(cell.text) : nil)
                },
                location: location)
        }
    }

    var header: [String]
    var rows: [Row]

    /// Types the columns (SPEC §3) and builds the dataset; units and labels come from the meta file.
    func dataset(name: String, path: String, meta: DatasetMeta?) -> Dataset {
        var numeric = [Bool](repeating: true, count: header.count)
        for row in rows {
            for (index, cell) in row.cells.enumerated() where numeric[index] && !cell.text.isEmpty && !cell.isNumeric {
                numeric[index] = false
            }
        }
        let columns = Self.columns(header, numeric: numeric, meta: meta)
        return Dataset(name: name, columns: columns, rows: rows.map { $0.typed(numeric: numeric) }, meta: meta, path: path)
    }

    /// The typed columns, with units and labels from the meta file.
    static func columns(_ header: [String], numeric: [Bool], meta: DatasetMeta?) -> [DatasetColumn] {
        header.enumerated().map { index, column in
            DatasetColumn(
                name: column, isNumeric: numeric[index], unit: meta?.units[column], label: meta?.labels[column],
                translatedLabels: meta?.languageLabels.compactMapValues { $0[column] } ?? [:])
        }
    }
}
