import FolioCore
import FolioYAML

extension DatasetMeta {
    /// The keys a meta file takes, as error messages list them; `labels_LANG` stands for `labels_zh`, ….
    public static let keys = ["title", "description", "source", "units", "labels", "labels_LANG", "notes"]

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
}
