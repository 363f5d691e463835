import FolioCharts
import FolioCore
import FolioFormat
import FolioYAML

/// Reads the YAML body of a `chart` or `table` block into a request, reporting every problem
/// at the line of the offending key.
public enum BlockParser {
    static let chartKeys = [
        "type", "data", "csv", "x", "y", "low", "high", "where", "title", "subtitle", "format", "labels", "annotations", "source",
        "total", "note",
    ]
    static let tableKeys = ["data", "csv", "columns", "where", "caption", "sort", "source"]

    /// `body` is the block's text; `location` is the block's opening fence.
    public static func chart(_ body: String, at location: SourceLocation) throws(Diagnostics) -> ChartRequest {
        let entries = try mapping(body, block: "chart", at: location)
        var reader = EntryReader(block: "chart", body: body, entries: entries, known: chartKeys, fence: location)
        let typeName = reader.text("type", required: true)
        let type = typeName.flatMap { name -> ChartType? in
            guard let type = ChartType(rawValue: name) else {
                reader.problems.add(Diagnostic(at: reader.valueLocation("type"), BlockIssue.unknownChartType(name)))
                return nil
            }
            return type
        }
        let data = reader.dataReference()
        let x = reader.column("x", required: true)
        var values: [ColumnReference] = []
        if type == .range {
            for key in ["low", "high"] { if let column = reader.column(key, required: true) { values.append(column) } }
            if reader.has("y") { reader.notFor("y", type: "range") }
        } else {
            values = reader.columns("y", required: true)
            for key in ["low", "high"] where reader.has(key) { reader.notFor(key, type: typeName ?? "") }
            if let type, [.bar, .hbar, .waterfall].contains(type), values.count > 1 {
                reader.problems.add(
                    Diagnostic(
                        at: reader.valueLocation("y"),
                        YAMLIssue.wrongType(in: "chart", key: "y", expected: "one column for \(type.rawValue)")))
            }
        }
        if reader.has("total"), type != .waterfall { reader.notFor("total", type: typeName ?? "") }
        let request = ChartRequest(
            type: type ?? .bar, data: data ?? .dataset("", at: location), x: x ?? ColumnReference(name: "", location: location),
            values: values, conditions: reader.conditions(), title: reader.text("title", required: true) ?? "",
            subtitle: reader.text("subtitle"), format: reader.format(), labels: reader.bool("labels") ?? false,
            annotations: reader.annotations(), total: reader.text("total"), note: reader.text("note"), source: reader.source(),
            location: location)
        try reader.problems.throwIfAny()
        return request
    }

    public static func table(_ body: String, at location: SourceLocation) throws(Diagnostics) -> TableRequest {
        let entries = try mapping(body, block: "table", at: location)
        var reader = EntryReader(block: "table", body: body, entries: entries, known: tableKeys, fence: location)
        let data = reader.dataReference()
        let columns = reader.tableColumns()
        let (sortKey, descending) = reader.sort()
        let request = TableRequest(
            data: data ?? .dataset("", at: location), columns: columns, conditions: reader.conditions(), caption: reader.text("caption"),
            sortKey: sortKey, sortDescending: descending, source: reader.source(), location: location)
        try reader.problems.throwIfAny()
        return request
    }

    private static func mapping(_ body: String, block: String, at location: SourceLocation) throws(Diagnostics) -> [YAMLEntry] {
        do {
            let yaml = try YAMLReader.read(body, path: location.path, lineOffset: location.line)
            return try YAMLFields(document: yaml, context: block, start: location).entries
        } catch {
            throw Diagnostics([error])
        }
    }
}
