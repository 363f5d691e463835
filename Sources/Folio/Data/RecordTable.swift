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

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, checked on bytes.
    static func isNumberText(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let first = bytes.first, isDigit(first) else { return false }
        let integer = bytes.prefix(while: isDigit)
        if first == UInt8(ascii: "0") && integer.count > 1 { return false }
        bytes = bytes.dropFirst(integer.count)
        if bytes.isEmpty { return true }
        guard bytes.first == UInt8(ascii: "."), bytes.count > 1 else { return false }
        return bytes.dropFirst().allSatisfy(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Types the columns (SPEC §3) and builds the dataset; `units` come from the meta file.
    func dataset(name: String, path: String, meta: DatasetMeta?) -> Dataset {
        var numeric = [Bool](repeating: true, count: header.count)
        for row in rows {
            for (index, cell) in row.cells.enumerated() where numeric[index] && !cell.text.isEmpty {
                if !(cell.isNumberLiteral || Self.isNumberText(cell.text)) || !(Double(cell.text)?.isFinite ?? false) {
                    numeric[index] = false
                }
            }
        }
        let columns = header.enumerated().map { index, column in
            DatasetColumn(name: column, isNumeric: numeric[index], unit: meta?.units[column])
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
