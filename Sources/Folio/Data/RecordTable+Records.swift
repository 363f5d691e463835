import FolioCore
import FolioYAML

/// Builds a table from flat records (JSON or YAML): columns in first-seen key order, a key missing
/// from a record is a missing cell.
struct RecordCollector {
    private var columnIndex: [String: Int] = [:]
    private var header: [String] = []
    private var records: [(cells: [Int: RecordTable.Cell], location: SourceLocation)] = []

    mutating func add(_ cells: [(key: String, cell: RecordTable.Cell)], location: SourceLocation) {
        var row: [Int: RecordTable.Cell] = [:]
        for (key, cell) in cells {
            let index = columnIndex[key] ?? header.count
            if index == header.count {
                columnIndex[key] = index
                header.append(key)
            }
            row[index] = cell
        }
        records.append((row, location))
    }

    var table: RecordTable {
        let rows = records.map { record in
            RecordTable.Row(
                cells: header.indices.map { record.cells[$0] ?? RecordTable.Cell(text: "") },
                location: record.location)
        }
        return RecordTable(header: header, rows: rows)
    }
}

extension RecordTable {
    /// An array of flat objects, or an object whose `rows` member is one (other members are ignored).
    init(json root: JSONValue) throws(Diagnostic) {
        var list = root
        if case .object(let members) = root.kind {
            guard let rows = members.first(where: { $0.key == "rows" }) else {
                throw Diagnostic(at: root.location, DataIssue.notRecords(format: "JSON", found: "an object without 'rows'"))
            }
            list = rows.value
        }
        guard case .array(let records) = list.kind else {
            throw Diagnostic(at: list.location, DataIssue.notRecords(format: "JSON", found: list.kindName))
        }
        var collector = RecordCollector()
        for record in records {
            guard case .object(let members) = record.kind else {
                throw Diagnostic(at: record.location, DataIssue.recordNotMapping(found: record.kindName))
            }
            var cells: [(key: String, cell: RecordTable.Cell)] = []
            for member in members {
                let cell: RecordTable.Cell
                switch member.value.kind {
                case .string(let text): cell = Cell(text: text)
                case .number(let text): cell = Cell(text: text, isNumberLiteral: true)
                case .bool(let flag): cell = Cell(text: flag ? "true" : "false")
                case .null: cell = Cell(text: "")
                case .array, .object:
                    throw Diagnostic(at: member.value.location, DataIssue.recordNotFlat(key: member.key, found: member.value.kindName))
                }
                cells.append((member.key, cell))
            }
            collector.add(cells, location: record.location)
        }
        self = collector.table
    }

    /// The same shapes as JSON, from YAML; values are kept as written and null (`~`, `null`, empty) is missing.
    init(yaml root: YAMLValue?, path: String) throws(Diagnostic) {
        guard let root else {
            throw Diagnostic(at: SourceLocation(path: path), DataIssue.notRecords(format: "YAML", found: "an empty document"))
        }
        var list = root
        if let entries = root.entries {
            guard let rows = entries.first(where: { $0.key == "rows" }) else {
                throw Diagnostic(at: root.location, DataIssue.notRecords(format: "YAML", found: "a mapping without 'rows'"))
            }
            list = rows.value
        }
        guard let records = list.items else {
            throw Diagnostic(at: list.location, DataIssue.notRecords(format: "YAML", found: list.kindName))
        }
        var collector = RecordCollector()
        for record in records {
            guard let entries = record.entries else {
                throw Diagnostic(at: record.location, DataIssue.recordNotMapping(found: record.kindName))
            }
            var cells: [(key: String, cell: RecordTable.Cell)] = []
            for entry in entries {
                guard let text = entry.value.text else {
                    throw Diagnostic(at: entry.value.location, DataIssue.recordNotFlat(key: entry.key, found: entry.value.kindName))
                }
                cells.append((entry.key, Cell(text: entry.value.isNull ? "" : text)))
            }
            collector.add(cells, location: record.location)
        }
        self = collector.table
    }
}
