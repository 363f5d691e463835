import FolioData

/// A dataset as an SQLite table of the same name: a numeric column is INTEGER when every value is
/// an integer that fits in 64 bits (written without a decimal point), else REAL; a text column
/// TEXT; a missing cell NULL.
enum DatasetTable {
    static func load(_ dataset: Dataset, into database: SQLiteDatabase) throws(SQLiteError) {
        let kinds = dataset.columns.indices.map { kind(of: $0, in: dataset) }
        let definitions = zip(dataset.columns, kinds).map { "\(SQLSyntax.quoted($0.name)) \($1)" }
        try database.executeTrusted("CREATE TEMP TABLE \(SQLSyntax.quoted(dataset.name)) (\(definitions.joined(separator: ", ")))")
        guard !dataset.rows.isEmpty else { return }
        let placeholders = Array(repeating: "?", count: dataset.columns.count).joined(separator: ", ")
        try database.executeTrusted("BEGIN")
        let rows = dataset.rows.lazy.map { row in zip(row.cells, kinds).map { cell, kind in value(cell, kind: kind) } }
        try database.executeTrusted("INSERT INTO temp.\(SQLSyntax.quoted(dataset.name)) VALUES (\(placeholders))", forEach: rows)
        try database.executeTrusted("COMMIT")
    }

    static func kind(of column: Int, in dataset: Dataset) -> String {
        guard dataset.columns[column].isNumeric else { return "TEXT" }
        let integers = dataset.rows.allSatisfy { row in
            let cell = row.cells[column]
            return cell.isMissing || (!cell.text.contains(".") && Int64(cell.text) != nil)
        }
        return integers ? "INTEGER" : "REAL"
    }

    static func value(_ cell: DatasetCell, kind: String) -> SQLiteValue {
        if cell.isMissing { return .null }
        switch kind {
        case "INTEGER": return Int64(cell.text).map(SQLiteValue.integer) ?? .null
        case "REAL": return cell.number.map(SQLiteValue.real) ?? .null
        default: return .text(cell.text)
        }
    }
}
