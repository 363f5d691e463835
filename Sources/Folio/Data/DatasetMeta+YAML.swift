import FolioCore
import FolioYAML

extension DatasetMeta {
    /// The keys a meta file takes, as error messages list them; `labels_LANG` stands for `labels_zh`, ….
    public static let keys = ["title", "description", "source", "units", "labels", "labels_LANG", "notes", "source_column", "sources"]

    /// Reads `NAME.meta.yml`; `path` is project-relative. An empty file is an empty meta.
    public init(yamlText text: String, path: String) throws(Diagnostics) {
        let root: YAMLValue?
        do {
            root = try YAMLReader.read(text, path: path)
        } catch {
            throw Diagnostics([error])
        }
        guard let root else {
            self.init()
            return
        }
        try self.init(yaml: root)
    }

    /// Reads a meta mapping; unknown keys and values of the wrong kind are errors at their place, all reported.
    public init(yaml root: YAMLValue) throws(Diagnostics) {
        var fields: YAMLFields
        do {
            fields = try YAMLFields(document: root, context: "meta", start: root.location)
        } catch {
            throw Diagnostics([error])
        }
        fields.refuseKeys(listing: Self.keys) { key in
            (Self.keys.contains(key) && key != "labels_LANG") || Self.labelsLanguage(ofKey: key) != nil
        }
        self.init(
            title: fields.text("title"), description: fields.text("description"), source: fields.source("source"),
            notes: fields.texts("notes") ?? [])
        readLabels(&fields)
        rowSources = Self.rowSources(&fields)
        if let pairs = fields.mapping("units", expected: "a mapping of column to unit") {
            units = fields.read(pairs, at: fields.valueLocation("units"), context: "meta units") { units in
                var read: [String: String] = [:]
                for pair in pairs { read[pair.key] = units.text(pair.key) }
                return read
            }
            for pair in pairs { unitLocations[pair.key] = pair.keyLocation }
        }
        try fields.throwIfAny()
    }

    /// `source_column:` (a column, or a mapping of value column to id column) with `sources:`; either
    /// without the other is an error.
    private static func rowSources(_ fields: inout YAMLFields) -> RowSources? {
        let dataset = fields.text("sources")
        guard let entry = fields.entry("source_column") else {
            if dataset != nil { fields.problems.add(Diagnostic(at: fields.keyLocation("sources"), DataIssue.sourcesWithoutColumn)) }
            return nil
        }
        var columns: RowSources.IDColumns?
        if let name = entry.value.nonNullText {
            columns = .all(name)
        } else if let pairs = fields.mapping("source_column", expected: "an id column, or a mapping of value column to id column") {
            columns = .byColumn(
                fields.read(pairs, at: entry.value.location, context: "meta source_column") { ids in
                    var read: [String: String] = [:]
                    for pair in pairs { read[pair.key] = ids.text(pair.key) }
                    return read
                })
        }
        guard let columns else { return nil }
        guard let dataset else {
            fields.problems.add(Diagnostic(at: entry.keyLocation, DataIssue.sourceColumnWithoutSources))
            return nil
        }
        return RowSources(idColumns: columns, dataset: dataset, location: entry.value.location)
    }
}
