import FolioCharts
import FolioCore
import FolioData
import FolioFormat
import FolioYAML

/// Typed reads of a block's keys; each problem is recorded at the key's line and reading goes on.
struct EntryReader {
    let block: String
    /// The block's lines, to place text inside a `csv: |` literal.
    let lines: [Substring]
    let entries: [YAMLEntry]
    let fence: SourceLocation
    var problems = DiagnosticCollector()

    init(block: String, body: String, entries: [YAMLEntry], known: [String], fence: SourceLocation) {
        self.block = block
        self.lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        self.entries = entries
        self.fence = fence
        for entry in entries where !known.contains(entry.key) {
            self.problems.add(Diagnostic(at: entry.keyLocation, BlockIssue.unknownKey(block: block, key: entry.key, known: known)))
        }
    }

    func entry(_ key: String) -> YAMLEntry? { entries.first { $0.key == key } }

    func has(_ key: String) -> Bool { entry(key) != nil }

    func valueLocation(_ key: String) -> SourceLocation { entry(key)?.value.location ?? fence }

    mutating func notFor(_ key: String, type: String, takenBy: [String]) {
        problems.add(
            Diagnostic(at: entry(key)?.keyLocation ?? fence, BlockIssue.keyNotFor(block: block, key: key, type: type, takenBy: takenBy)))
    }

    mutating func wrongType(_ key: String, _ expected: String) {
        problems.add(Diagnostic(at: valueLocation(key), BlockIssue.wrongType(block: block, key: key, expected: expected)))
    }

    mutating func text(_ key: String, required: Bool = false) -> String? {
        guard let entry = entry(key) else {
            if required { problems.add(Diagnostic(at: fence, BlockIssue.missingKey(block: block, key: key))) }
            return nil
        }
        guard let text = entry.value.text, !entry.value.isNull else {
            wrongType(key, "text")
            return nil
        }
        return text
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let entry = entry(key) else { return nil }
        guard let value = entry.value.bool else {
            wrongType(key, "true or false")
            return nil
        }
        return value
    }

    mutating func column(_ key: String, required: Bool = false) -> ColumnReference? {
        guard let text = text(key, required: required) else { return nil }
        return ColumnReference(name: text, location: valueLocation(key))
    }

    /// One column or a list of columns.
    mutating func columns(_ key: String, required: Bool) -> [ColumnReference] {
        guard let entry = entry(key) else {
            if required { problems.add(Diagnostic(at: fence, BlockIssue.missingKey(block: block, key: key))) }
            return []
        }
        if let text = entry.value.text, !entry.value.isNull { return [ColumnReference(name: text, location: entry.value.location)] }
        guard let items = entry.value.items, !items.isEmpty else {
            wrongType(key, "a column name or a list of column names")
            return []
        }
        var columns: [ColumnReference] = []
        for item in items {
            if let name = item.text, !item.isNull {
                columns.append(ColumnReference(name: name, location: item.location))
            } else if let fields = item.entries, let keyValue = item["key"], let name = keyValue.text,
                fields.allSatisfy({ ["key", "label"].contains($0.key) && $0.value.text != nil })
            {
                columns.append(ColumnReference(name: name, location: keyValue.location, label: item["label"]?.text))
            } else {
                problems.add(
                    Diagnostic(
                        at: item.location,
                        BlockIssue.wrongType(block: block, key: key, expected: "a column name or {key: COLUMN, label: TEXT}")))
            }
        }
        return columns
    }

    mutating func dataReference() -> DataReference? {
        switch (entry("data"), entry("csv")) {
        case (.some, .some):
            problems.add(Diagnostic(at: entry("csv")?.keyLocation ?? fence, BlockIssue.dataAndCSV(block: block)))
            return nil
        case (let data?, nil):
            guard let name = data.value.text, !data.value.isNull else {
                wrongType("data", "a dataset name")
                return nil
            }
            guard DatasetLibrary.isPlainName(name) else {
                problems.add(Diagnostic(at: data.value.location, BlockIssue.notADatasetName(name)))
                return nil
            }
            return .dataset(name, at: data.value.location)
        case (nil, let csv?):
            guard let text = csv.value.text else {
                wrongType("csv", "CSV text (`csv: |` then the rows)")
                return nil
            }
            return .inlineCSV(text, at: csvStart(csv))
        case (nil, nil):
            problems.add(Diagnostic(at: fence, BlockIssue.noData(block: block)))
            return nil
        }
    }

    /// Where the CSV text's first character is in the article: a `|` or `>` block starts on the
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
                problems.add(
                    Diagnostic(at: pair.value.location, BlockIssue.wrongType(block: block, key: "where", expected: "one value per column")))
                continue
            }
            conditions.append(RowCondition(column: ColumnReference(name: pair.key, location: pair.keyLocation), value: value))
        }
        return conditions
    }

    mutating func format(_ key: String = "format", in value: YAMLValue? = nil) -> NumberFormat? {
        guard let value = value ?? entry(key)?.value else { return nil }
        guard let text = value.text else {
            wrongType(key, "a format name")
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
            wrongType("annotations", "a list of {x, text}")
            return []
        }
        var annotations: [ChartAnnotation] = []
        for item in items {
            guard let x = item["x"]?.text, let text = item["text"]?.text, item.entries?.count == 2 else {
                problems.add(
                    Diagnostic(
                        at: item.location, BlockIssue.wrongType(block: block, key: "annotations", expected: "{x: CATEGORY, text: NOTE}")))
                continue
            }
            annotations.append(ChartAnnotation(category: x, text: text))
        }
        return annotations
    }

    mutating func source() -> BlockSource? {
        guard let entry = entry("source") else { return nil }
        if let text = entry.value.text { return BlockSource(title: text) }
        guard let fields = entry.value.entries, let title = entry.value["title"]?.text else {
            wrongType("source", "{title, url, date}")
            return nil
        }
        for field in fields {
            if !["title", "url", "date"].contains(field.key) {
                problems.add(
                    Diagnostic(
                        at: field.keyLocation,
                        BlockIssue.unknownKey(block: "\(block) source", key: field.key, known: ["title", "url", "date"])))
            } else if field.value.text == nil {
                problems.add(
                    Diagnostic(at: field.value.location, BlockIssue.wrongType(block: "\(block) source", key: field.key, expected: "text")))
            }
        }
        return BlockSource(title: title, url: entry.value["url"]?.text, date: entry.value["date"]?.text)
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
            guard let fields = item.entries, let key = item["key"]?.text, let keyValue = item["key"] else {
                problems.add(
                    Diagnostic(at: item.location, BlockIssue.wrongType(block: block, key: "columns", expected: "{key, label, format}")))
                continue
            }
            for field in fields where !["key", "label", "format"].contains(field.key) {
                problems.add(
                    Diagnostic(
                        at: field.keyLocation,
                        BlockIssue.unknownKey(block: "table column", key: field.key, known: ["key", "label", "format"])))
            }
            columns.append(
                TableColumnRequest(
                    key: ColumnReference(name: key, location: keyValue.location), label: item["label"]?.text,
                    format: item["format"].flatMap { format("format", in: $0) }))
        }
        return columns
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
