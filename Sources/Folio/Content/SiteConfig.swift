import FolioCore
import FolioYAML

/// `Content/site.yml`: the site's title and settings.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String?
    public var language = "en"
    public var author: String?
    /// The public address of the site, without a trailing `/`; enables sitemap, feed and canonical links.
    public var baseURL: String?
    /// Article paths inside Content/ in navigation order, each with where it was written.
    public var nav: [(path: String, location: SourceLocation)]?
    public var unsafeHTML = false
    /// Keys folio does not know, passed to templates as `site.params`.
    public var params: [YAMLEntry] = []

    public init(title: String) { self.title = title }

    public static func read(_ text: String, path: String) throws(Diagnostics) -> SiteConfig {
        let yaml: YAMLValue?
        do {
            yaml = try YAMLReader.read(text, path: path)
        } catch {
            throw Diagnostics([error])
        }
        guard let entries = yaml?.entries else {
            let at = yaml?.location ?? SourceLocation(path: path)
            throw Diagnostics([Diagnostic(at: at, ContentIssue.siteConfigNotMapping(found: yaml?.kindName ?? "empty"))])
        }
        var config = SiteConfig(title: "")
        var problems = DiagnosticCollector()
        var sawTitle = false
        for entry in entries {
            problems.capture { () throws(Diagnostic) in
                switch entry.key {
                case "title":
                    config.title = try FieldReader.text(entry)
                    sawTitle = true
                case "description": config.description = try FieldReader.text(entry)
                case "language": config.language = try FieldReader.text(entry)
                case "author": config.author = try FieldReader.text(entry)
                case "base_url":
                    let url = try FieldReader.text(entry)
                    config.baseURL = url.hasSuffix("/") ? String(url.dropLast()) : url
                case "unsafe_html": config.unsafeHTML = try FieldReader.bool(entry)
                case "nav":
                    config.nav = try FieldReader.list(entry).map { (item) throws(Diagnostic) in
                        guard let text = item.text else {
                            throw Diagnostic(at: item.location, ContentIssue.wrongType(key: "nav", expected: "a list of article paths"))
                        }
                        return (text, item.location)
                    }
                default: config.params.append(entry)
                }
            }
        }
        if !sawTitle { problems.add(Diagnostic(at: SourceLocation(path: path), ContentIssue.missingTitle)) }
        try problems.throwIfAny()
        return config
    }
}
