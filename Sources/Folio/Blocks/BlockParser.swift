import FolioCharts
import FolioCore
import FolioFormat
import FolioYAML

/// Reads the YAML body of a `chart` or `table` block into a request, reporting every problem
/// at the line of the offending key.
public enum BlockParser {
    static let tableKeys = ["data", "csv", "sql", "columns", "where", "caption", "sort", "limit", "source"]

    /// The keys a chart block may hold: those of every chart, and those some type of `types` takes.
    static func chartKeys(_ types: ChartCatalog) -> [String] {
        ["type", "data", "csv", "sql", "x", "facet"] + types.channelKeys
            + ["where", "title", "subtitle", "format", "labels", "annotations", "source"]
            + types.options.map(\.rawValue) + ["note"]
    }

    /// A block whose type is missing or unknown is read as taking `y` columns, so its other mistakes are still found.
    static let unknownTypeChannels: [ChartChannel] = [.many("y")]

    /// `body` is the block's text; `location` is the block's opening fence; `types` the types it may name.
    public static func chart(
        _ body: String, at location: SourceLocation, types: ChartCatalog = .standard
    ) throws(Diagnostics) -> ChartRequest {
        let entries = try mapping(body, block: "chart", at: location)
        var reader = EntryReader(block: "chart", body: body, entries: entries, known: chartKeys(types), fence: location)
        let typeName = reader.text("type", required: true)
        let type = typeName.flatMap { name -> ChartType? in
            guard let type = types.type(named: name) else {
                reader.problems.add(Diagnostic(at: reader.valueLocation("type"), BlockIssue.unknownChartType(name, known: types.names)))
                return nil
            }
            return type
        }
        let data = reader.dataReference()
        let x = reader.column("x", required: true)
        let values = channelColumns(type, reader: &reader)
        for key in types.channelKeys + types.options.map(\.rawValue) where reader.has(key) {
            let takes = type?.takes(key) ?? unknownTypeChannels.contains { $0.key == key }
            if !takes { reader.notFor(key, type: typeName ?? "", takenBy: types.names(taking: key)) }
        }
        let request = ChartRequest(
            type: type ?? .bar, data: data ?? .dataset("", at: location), x: x ?? ColumnReference(name: "", location: location),
            values: values, conditions: reader.conditions(), title: reader.text("title", required: true) ?? "",
            subtitle: reader.text("subtitle"), format: reader.format(), labels: reader.bool("labels") ?? false,
            annotations: reader.annotations(), total: reader.text("total"), note: reader.text("note"), source: reader.source(),
            location: location, label: reader.column("label"), facet: reader.column("facet"))
        if request.facet != nil, let type, type.categoryScale == .parts {
            reader.notFor("facet", type: type.name, takenBy: types.types.filter { $0.categoryScale != .parts }.map(\.name))
        }
        try reader.problems.throwIfAny()
        return request
    }

    /// The value columns of each channel `type` declares, in order; a one-column key given a list is an error.
    private static func channelColumns(_ type: ChartType?, reader: inout EntryReader) -> [ColumnReference] {
        var values: [ColumnReference] = []
        for channel in type?.channels ?? unknownTypeChannels {
            let columns = reader.columns(channel.key, required: true)
            if let type, !channel.takesMany, columns.count > 1 {
                reader.wrongType(channel.key, "one column for \(type.name)")
            }
            if let type, !columns.isEmpty, columns.count < channel.minimum {
                reader.wrongType(channel.key, "a list of at least \(channel.minimum) columns for \(type.name)")
            }
            values += columns
        }
        return values
    }

    public static func table(_ body: String, at location: SourceLocation) throws(Diagnostics) -> TableRequest {
        let entries = try mapping(body, block: "table", at: location)
        var reader = EntryReader(block: "table", body: body, entries: entries, known: tableKeys, fence: location)
        let data = reader.dataReference()
        let columns = reader.tableColumns()
        let (sortKey, descending) = reader.sort()
        let request = TableRequest(
            data: data ?? .dataset("", at: location), columns: columns, conditions: reader.conditions(), caption: reader.text("caption"),
            sortKey: sortKey, sortDescending: descending, limit: reader.tableLimit(), source: reader.source(), location: location)
        try reader.problems.throwIfAny()
        return request
    }

    static let claimKeys = ["text", "holds", "sql"]

    public static func claim(_ body: String, at location: SourceLocation) throws(Diagnostics) -> ClaimRequest {
        let entries = try mapping(body, block: "claim", at: location)
        var reader = EntryReader(block: "claim", body: body, entries: entries, known: claimKeys, fence: location)
        let text = reader.text("text", required: true)
        var test: ClaimRequest.Test?
        switch (reader.entry("holds"), reader.entry("sql")) {
        case (let holds?, nil):
            if let written = holds.value.nonNullText {
                do {
                    test = .holds(try ComputedExpressionParser.condition(written, at: reader.csvStart(holds)))
                } catch {
                    reader.problems.add(error)
                }
            } else {
                reader.wrongType("holds", "a test such as `data.x[year=2025] >= 2 * data.x[year=2023]`")
            }
        case (nil, let sql?):
            if let written = sql.value.nonNullText {
                test = .query(written, at: reader.csvStart(sql))
            } else {
                reader.wrongType("sql", "a query (`sql: |` then one SELECT returning 1 or 0)")
            }
        case (_?, let sql?):
            reader.problems.add(Diagnostic(at: sql.keyLocation, BlockIssue.twoDataSources(block: "claim", first: "holds", second: "sql")))
        case (nil, nil):
            reader.problems.add(Diagnostic(at: location, BlockIssue.claimNoTest))
        }
        try reader.problems.throwIfAny()
        guard let text, let test else { throw Diagnostics([Diagnostic(at: location, BlockIssue.claimNoTest)]) }
        return ClaimRequest(text: text, test: test, location: location)
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
