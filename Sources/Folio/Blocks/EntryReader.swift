import FolioCharts
import FolioCore
import FolioData
import FolioFormat
import FolioYAML

/// A block's keys, read with the YAML stage's `YAMLFields` (context "chart" or "table"), plus the
/// reads only blocks have: columns, data, `where`, formats, annotations, table columns and sorting.
struct EntryReader {
    let block: String
    /// The block's lines, to place text inside a `csv: |` literal.
    let lines: [Substring]
    let fence: SourceLocation
    var fields: YAMLFields

    init(block: String, body: String, entries: [YAMLEntry], known: [String], fence: SourceLocation) {
        self.block = block
        self.lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        self.fence = fence
        self.fields = YAMLFields(entries, context: block, missingAt: fence)
        fields.refuseKeys(otherThan: known)
    }

    var problems: DiagnosticCollector {
        get { fields.problems }
        set { fields.problems = newValue }
    }

    func entry(_ key: String) -> YAMLEntry? { fields.entry(key) }

    func has(_ key: String) -> Bool { fields.has(key) }

    func valueLocation(_ key: String) -> SourceLocation { fields.valueLocation(key) }

    mutating func notFor(_ key: String, type: String, takenBy: [String]) {
        problems.add(Diagnostic(at: fields.keyLocation(key), BlockIssue.keyNotFor(block: block, key: key, type: type, takenBy: takenBy)))
    }

    mutating func wrongType(_ key: String, _ expected: String, at location: SourceLocation? = nil) {
        fields.wrongType(key, expected: expected, at: location)
    }

    mutating func text(_ key: String, required: Bool = false) -> String? { fields.text(key, required: required) }

    mutating func bool(_ key: String) -> Bool? { fields.bool(key) }

    mutating func source() -> Source? { fields.source("source") }

    mutating func column(_ key: String, required: Bool = false) -> ColumnReference? {
        guard let text = text(key, required: required) else { return nil }
        return ColumnReference(name: text, location: valueLocation(key))
    }

    /// One column or a list of columns.
    mutating func columns(_ key: String, required: Bool) -> [ColumnReference] {
        guard let entry = entry(key) else {
            if required { fields.missing(key) }
            return []
        }
        if let text = entry.value.nonNullText { return [ColumnReference(name: text, location: entry.value.location)] }
        guard let items = entry.value.items, !items.isEmpty else {
            wrongType(key, "a column name or a list of column names")
            return []
        }
        var columns: [ColumnReference] = []
        for item in items {
            if let name = item.nonNullText {
                columns.append(ColumnReference(name: name, location: item.location))
            } else if let fields = item.entries, let keyValue = item["key"], let name = keyValue.text,
                fields.allSatisfy({ ["key", "label"].contains($0.key) && $0.value.text != nil })
            {
                columns.append(ColumnReference(name: name, location: keyValue.location, label: item["label"]?.text))
            } else {
                wrongType(key, "a column name or {key: COLUMN, label: TEXT}", at: item.location)
            }
        }
        return columns
    }

    /// The one of `data:`, `csv:` and `sql:` the block gives.
    mutating func dataReference() -> DataReference? {
        let given = ["data", "csv", "sql"].compactMap { key in entry(key).map { (key, $0) } }
        guard let (key, entry) = given.first else {
            problems.add(Diagnostic(at: fence, BlockIssue.noData(block: block)))
            return nil
        }
        if given.count > 1 {
            let second = given[1]
            let reason =
                key == "data" && second.0 == "csv"
                ? BlockIssue.dataAndCSV(block: block) : BlockIssue.twoDataSources(block: block, first: key, second: second.0)
            problems.add(Diagnostic(at: second.1.keyLocation, reason))
            return nil
        }
        switch key {
        case "data":
            guard let name = entry.value.nonNullText else {
                wrongType("data", "a dataset name")
                return nil
            }
            guard DatasetLibrary.isPlainName(name) else {
                problems.add(Diagnostic(at: entry.value.location, BlockIssue.notADatasetName(name)))
                return nil
            }
            return .dataset(name, at: entry.value.location)
        case "csv":
            guard let text = entry.value.text else {
                wrongType("csv", "CSV text (`csv: |` then the rows)")
                return nil
            }
            return .inlineCSV(text, at: csvStart(entry))
        default:
            guard let text = entry.value.nonNullText else {
                wrongType("sql", "a query (`sql: |` then one SELECT)")
                return nil
            }
            return .query(text, at: csvStart(entry))
        }
    }

    /// Where the CSV or SQL text's first character is in the article: a `|` or `>` block starts on the
    /// next line, at the block's indentation; a quoted or plain value where it is written.
    func csvStart(_ csv: YAMLEntry) -> SourceLocation {
        let valueLine = csv.value.location.line - fence.line - 1
        let column = csv.value.location.column - 1
        guard lines.indices.contains(valueLine), let indicator = lines[valueLine].unicodeScalars.dropFirst(column).first else {
            return csv.value.location
        }
        guard indicator == "|" || indicator == ">" else {
            let quoted = indicator == "\"" || indicator == "'"
            return csv.value.location.offset(lines: 0, column: csv.value.location.column + (quoted ? 1 : 0))
        }
        let first = lines.dropFirst(valueLine + 1).first { !$0.allSatisfy { $0 == " " } }
        let indentation = first.map { $0.prefix { $0 == " " }.count } ?? 0
        return SourceLocation(path: fence.path, line: csv.value.location.line + 1, column: indentation + 1)
    }

    mutating func conditions() -> [RowCondition] {
        guard let entry = entry("where") else { return [] }
        guard let pairs = entry.value.entries else {
            wrongType("where", "a mapping of column: value")
            return []
        }
        var conditions: [RowCondition] = []
        for pair in pairs {
            guard let value = pair.value.text else {
                wrongType("where", "one value per column", at: pair.value.location)
                continue
            }
            conditions.append(
                RowCondition(
                    column: ColumnReference(name: pair.key, location: pair.keyLocation), value: value, valueLocation: pair.value.location))
        }
        return conditions
    }

    mutating func format(_ key: String = "format", in value: YAMLValue? = nil) -> NumberFormat? {
        guard let value = value ?? entry(key)?.value else { return nil }
        guard let text = value.text else {
            wrongType(key, "a format name", at: value.location)
            return nil
        }
        guard let format = NumberFormat(parsing: text) else {
            problems.add(Diagnostic(at: value.location, BlockIssue.unknownFormat(text)))
            return nil
        }
        return format
    }

    mutating func annotations() -> [ChartAnnotation] {
        guard let entry = entry("annotations") else { return [] }
        guard let items = entry.value.items else {
            wrongType("annotations", "a list of {x, text}, {y, text} or {from, to, text}")
            return []
        }
        var annotations: [ChartAnnotation] = []
        for item in items {
            let keys = Set(item.entries?.map(\.key) ?? [])
            guard let text = item["text"]?.text else {
                wrongType(
                    "annotations", "{x: CATEGORY, text: NOTE}, {y: VALUE, text: NOTE} or {from: X1, to: X2, text: NOTE}", at: item.location)
                continue
            }
            if keys == ["x", "text"], let x = item["x"]?.text {
                annotations.append(ChartAnnotation(category: x, text: text))
            } else if keys == ["y", "text"], let y = item["y"]?.text.flatMap(Double.init), y.isFinite {
                annotations.append(.line(at: y, text: text))
            } else if keys == ["y", "text"] {
                wrongType(
                    "annotations", "a number for y (a reference line's value, as stored: 80 for $80B in usd_b)", at: item["y"]?.location)
            } else if keys == ["from", "to", "text"], let from = item["from"]?.text, let to = item["to"]?.text {
                annotations.append(.span(from: from, to: to, text: text))
            } else {
                wrongType(
                    "annotations", "{x: CATEGORY, text: NOTE}, {y: VALUE, text: NOTE} or {from: X1, to: X2, text: NOTE}", at: item.location)
            }
        }
        return annotations
    }

    mutating func tableColumns() -> [TableColumnRequest]? {
        guard let entry = entry("columns") else { return nil }
        guard let items = entry.value.items, !items.isEmpty else {
            wrongType("columns", "a list of {key, label, format}")
            return nil
        }
        var columns: [TableColumnRequest] = []
        for item in items {
            if let key = item.text {
                columns.append(TableColumnRequest(key: ColumnReference(name: key, location: item.location), label: nil, format: nil))
                continue
            }
            guard let fields = item.entries, item["key"]?.text != nil || item["spark"] != nil else {
                wrongType("columns", "{key, label, format}", at: item.location)
                continue
            }
            let drawing = self.fields.read(fields, at: item.location, context: "table column") {
                $0.refuseKeys(otherThan: ["key", "label", "format", "link"] + TableColumnDrawing.keys)
                return TableColumnDrawing.read(&$0)
            }
            // A sparkline's cell shows its last value, so that column is its key.
            let key = drawing?.sparkKey ?? item["key"].flatMap { key in key.text.map { ColumnReference(name: $0, location: key.location) } }
            guard let key else { continue }
            var column = TableColumnRequest(
                key: key, label: item["label"]?.text, format: item["format"].flatMap { format("format", in: $0) },
                link: item["link"].flatMap { link in link.text.map { ColumnReference(name: $0, location: link.location) } })
            column.drawing = drawing
            columns.append(column)
        }
        return columns
    }

    /// `limit: N`, from 1 to `TableBlock.rowLimit`.
    mutating func tableLimit() -> Int? {
        guard let limit = fields.integer("limit") else { return nil }
        guard (1...TableBlock.rowLimit).contains(limit) else {
            problems.add(Diagnostic(at: valueLocation("limit"), BlockIssue.tableLimitRange(limit, limit: TableBlock.rowLimit)))
            return nil
        }
        return limit
    }

    mutating func sort() -> (ColumnReference?, Bool) {
        guard let entry = entry("sort") else { return (nil, false) }
        if let key = entry.value.text { return (ColumnReference(name: key, location: entry.value.location), false) }
        guard let keyValue = entry.value["key"], let key = keyValue.text else {
            wrongType("sort", "{key, order}")
            return (nil, false)
        }
        let order = entry.value["order"]?.text ?? "asc"
        guard order == "asc" || order == "desc" else {
            problems.add(Diagnostic(at: entry.value["order"]?.location ?? entry.value.location, BlockIssue.sortOrder(order)))
            return (nil, false)
        }
        return (ColumnReference(name: key, location: keyValue.location), order == "desc")
    }
}
