import FolioCore
import FolioYAML

/// A source cited by a page or a dataset: `{title, url, date}`, each kept as written.
public struct SourceReference: Sendable, Equatable {
    public var title: String
    public var url: String?
    public var date: String?

    public init(title: String, url: String? = nil, date: String? = nil) {
        self.title = title
        self.url = url
        self.date = date
    }

    /// Reads `{title, url, date}`; a bare string is a title alone.
    public init(yaml: YAMLValue) throws(Diagnostic) {
        if let text = yaml.text {
            self.init(title: text)
            return
        }
        guard let entries = yaml.entries else { throw Diagnostic(at: yaml.location, ContentIssue.invalidSource("is \(yaml.kindName)")) }
        var title: String?
        var url: String?
        var date: String?
        for entry in entries {
            guard let text = entry.value.text else {
                throw Diagnostic(at: entry.keyLocation, ContentIssue.invalidSource("'\(entry.key)' is \(entry.value.kindName)"))
            }
            switch entry.key {
            case "title": title = text
            case "url": url = text
            case "date": date = text
            default: throw Diagnostic(at: entry.keyLocation, ContentIssue.invalidSource("has an unknown key '\(entry.key)'"))
            }
        }
        guard let title else { throw Diagnostic(at: yaml.location, ContentIssue.invalidSource("has no title")) }
        self.init(title: title, url: url, date: date)
    }
}
