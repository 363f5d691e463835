import FolioCore
import FolioYAML

extension DatasetMeta {
    public static let keys = ["title", "description", "source", "units", "notes"]

    /// Reads `NAME.meta.yml`; `path` is project-relative. An empty file is an empty meta.
    public init(yamlText text: String, path: String) throws(Diagnostic) {
        guard let root = try YAMLReader.read(text, path: path) else {
            self.init()
            return
        }
        try self.init(yaml: root)
    }

    /// Reads a meta mapping; unknown keys and values of the wrong kind are errors at their place.
    public init(yaml root: YAMLValue) throws(Diagnostic) {
        guard let entries = root.entries else {
            throw Diagnostic(at: root.location, DataIssue.metaWrongKind(key: "meta", expected: "a mapping", found: root.kindName))
        }
        self.init()
        for entry in entries {
            switch entry.key {
            case "title": title = try Self.text(entry)
            case "description": description = try Self.text(entry)
            case "source": source = try SourceInfo(yaml: entry.value)
            case "units":
                units = try Self.units(entry)
                for pair in entry.value.entries ?? [] { unitLocations[pair.key] = pair.keyLocation }
            case "notes": notes = try Self.notes(entry)
            default: throw Diagnostic(at: entry.keyLocation, DataIssue.metaUnknownKey(entry.key, expected: Self.keys))
            }
        }
    }

    private static func text(_ entry: YAMLEntry) throws(Diagnostic) -> String? {
        if entry.value.isNull { return nil }
        guard let text = entry.value.text else {
            throw Diagnostic(
                at: entry.value.location, DataIssue.metaWrongKind(key: entry.key, expected: "text", found: entry.value.kindName))
        }
        return text
    }

    private static func units(_ entry: YAMLEntry) throws(Diagnostic) -> [String: String] {
        guard let pairs = entry.value.entries else {
            throw Diagnostic(
                at: entry.value.location,
                DataIssue.metaWrongKind(key: "units", expected: "a mapping of column to unit", found: entry.value.kindName))
        }
        var units: [String: String] = [:]
        for pair in pairs {
            units[pair.key] = try text(pair) ?? ""
        }
        return units
    }

    private static func notes(_ entry: YAMLEntry) throws(Diagnostic) -> [String] {
        if let single = entry.value.text { return entry.value.isNull ? [] : [single] }
        guard let items = entry.value.items else {
            throw Diagnostic(
                at: entry.value.location,
                DataIssue.metaWrongKind(key: "notes", expected: "text or a list of text", found: entry.value.kindName))
        }
        var notes: [String] = []
        for item in items {
            guard let note = item.text else {
                throw Diagnostic(at: item.location, DataIssue.metaWrongKind(key: "notes", expected: "text", found: item.kindName))
            }
            notes.append(note)
        }
        return notes
    }
}

extension SourceInfo {
    public static let keys = ["title", "url", "date"]

    /// Reads `source:` from a meta file or a chart block: `{title, url, date}`, or plain text as the title.
    public init(yaml value: YAMLValue) throws(Diagnostic) {
        self.init()
        if let text = value.text {
            title = text
            return
        }
        guard let entries = value.entries else {
            throw Diagnostic(
                at: value.location, DataIssue.metaWrongKind(key: "source", expected: "text or {title, url, date}", found: value.kindName))
        }
        for entry in entries {
            guard Self.keys.contains(entry.key) else {
                throw Diagnostic(at: entry.keyLocation, DataIssue.metaUnknownKey(entry.key, expected: Self.keys))
            }
            guard let text = entry.value.text else {
                throw Diagnostic(
                    at: entry.value.location, DataIssue.metaWrongKind(key: entry.key, expected: "text", found: entry.value.kindName))
            }
            let written = entry.value.isNull ? nil : text
            switch entry.key {
            case "title": title = written
            case "url": url = written
            default: date = written
            }
        }
    }
}
