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

    /// A base URL as `baseURL` keeps it: without its trailing `/` (from site.yml or `--base-url`).
    public static func baseURL(_ written: String) -> String {
        written.hasSuffix("/") ? String(written.dropLast()) : written
    }

    /// Whether `written` may be the site's address: an absolute `http(s)://host…` URL, as every
    /// canonical link, feed and sitemap entry starts with it.
    public static func isValidBaseURL(_ written: String) -> Bool { SafeLink.isSafe(written) }

    /// The keys folio reads; any other key is kept for templates as `site.params`.
    public static let keys = ["title", "description", "language", "author", "base_url", "unsafe_html", "nav"]

    public static func read(_ text: String, path: String) throws(Diagnostics) -> SiteConfig {
        var fields: YAMLFields
        do {
            let yaml = try YAMLReader.read(text, path: path)
            fields = try YAMLFields(document: yaml, context: "site.yml", start: SourceLocation(path: path))
        } catch {
            throw Diagnostics([error])
        }
        var config = SiteConfig(title: fields.text("title", required: true) ?? "")
        config.description = fields.text("description")
        if let language = fields.text("language") { config.language = language }
        config.author = fields.text("author")
        config.baseURL = fields.text("base_url").map(Self.baseURL)
        if let written = fields.text("base_url"), !isValidBaseURL(written) {
            fields.problems.add(Diagnostic(at: fields.valueLocation("base_url"), ContentIssue.badBaseURL(written)))
        }
        config.unsafeHTML = fields.bool("unsafe_html") ?? false
        if let items = fields.list("nav") {
            var nav: [(path: String, location: SourceLocation)] = []
            for item in items {
                guard let path = item.nonNullText else {
                    fields.wrongType("nav", expected: "a list of article paths", at: item.location)
                    continue
                }
                nav.append((path, item.location))
            }
            config.nav = nav
        }
        config.params = fields.entries(otherThan: keys)
        try fields.throwIfAny()
        return config
    }
}
