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
    /// The languages besides `language` (`languages:`), in the order written: each one's pages
    /// are built under its own folder (SPEC §8).
    public var languages: [SiteLanguage] = []
    /// `pdf: true`: every build also writes the report as one PDF per language (SPEC §9).
    public var pdf = false

    public init(title: String) { self.title = title }

    /// A base URL as `baseURL` keeps it: without its trailing `/` (from site.yml or `--base-url`).
    public static func baseURL(_ written: String) -> String {
        written.hasSuffix("/") ? String(written.dropLast()) : written
    }

    /// Whether `written` may be the site's address: an absolute `http(s)://host…` URL, as every
    /// canonical link, feed and sitemap entry starts with it.
    public static func isValidBaseURL(_ written: String) -> Bool { SafeLink.isSafe(written) }

    /// The keys folio reads; any other key is kept for templates as `site.params`.
    public static let keys = ["title", "description", "language", "languages", "author", "base_url", "unsafe_html", "nav", "pdf"]

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
        config.pdf = fields.bool("pdf") ?? false
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
        config.languages = SiteLanguage.read(&fields, main: config.language)
        config.params = fields.entries(otherThan: keys)
        try fields.throwIfAny()
        return config
    }

    /// The site as a page in `code` shows it: that language's title and description where
    /// `languages:` gives them, and `language` set to it.
    public func translated(to code: String) -> SiteConfig {
        guard let other = languages.first(where: { $0.code == code }) else { return self }
        var site = self
        site.language = code
        if let title = other.title { site.title = title }
        if let description = other.description { site.description = description }
        return site
    }
}

/// One of `site.yml`'s `languages:`: `zh: {title: ..., description: ...}`.
public struct SiteLanguage: Sendable, Equatable {
    public var code: String
    public var title: String?
    public var description: String?

    public init(code: String, title: String? = nil, description: String? = nil) {
        self.code = code
        self.title = title
        self.description = description
    }

    static let keys = ["title", "description"]

    /// `languages:` read from `fields`: a mapping from language codes to `{title, description}` (or nothing).
    static func read(_ fields: inout YAMLFields, main: String) -> [SiteLanguage] {
        guard let entries = fields.mapping("languages", expected: "a mapping from language codes to {title, description}") else {
            return []
        }
        var languages: [SiteLanguage] = []
        for entry in entries {
            guard LanguageCode.isWellFormed(entry.key) else {
                fields.problems.add(Diagnostic(at: entry.keyLocation, ContentIssue.badLanguageCode(entry.key)))
                continue
            }
            guard entry.key.lowercased() != main.lowercased() else {
                fields.problems.add(Diagnostic(at: entry.keyLocation, ContentIssue.mainLanguageInLanguages(entry.key)))
                continue
            }
            var language = SiteLanguage(code: entry.key)
            if entry.value.entries != nil || entry.value.nonNullText != nil {
                do throws(Diagnostic) {
                    var own = try YAMLFields(document: entry.value, context: "languages.\(entry.key)", start: entry.value.location)
                    own.refuseKeys(otherThan: keys)
                    language.title = own.text("title")
                    language.description = own.text("description")
                    fields.problems.add(contentsOf: own.problems.diagnostics)
                } catch {
                    fields.problems.add(error)
                }
            }
            languages.append(language)
        }
        return languages
    }
}
