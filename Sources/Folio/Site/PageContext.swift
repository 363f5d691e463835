import FolioContent
import FolioCore
import FolioMarkdown
import FolioYAML
import Synchronization

/// How a page links to the rest of the site: relative to its own path, or from the site's root.
enum PageLinks {
    case relative(from: String)
    case absolute(root: String)

    /// `root` in templates: what to put before a path inside the site.
    var root: String {
        switch self {
        case .relative(let from): RelativePath.root(from: from)
        case .absolute(let root): root
        }
    }

    func link(to path: String) -> String {
        switch self {
        case .relative(let from): RelativePath.link(from: from, to: path)
        case .absolute(let root): path == "index.html" ? root : root + path
        }
    }
}

/// The dictionaries templates see. Plain dictionaries and arrays: swift-mustache renders them
/// far faster than reflected structs.
struct PageContext {
    let site: SiteConfig
    let nav: [Page]
    let dataAsOf: String?
    /// The theme's words in the site's language (`{{words.NAME}}`).
    let words: [String: String]
    /// The output paths of this language's home page and feed.
    let home: String
    let feed: String
    /// The page's versions in the other languages; nil on a site in one language.
    let translations: TranslationLinks?
    /// The output path of this language's PDF of the report, when the build writes one.
    let pdf: String?
    private let frames = FrameCache()

    init(
        site: SiteConfig, nav: [Page], dataAsOf: String?, words: [String: String], home: String = "index.html", feed: String = "feed.xml",
        translations: TranslationLinks? = nil, pdf: String? = nil
    ) {
        self.site = site
        self.nav = nav
        self.dataAsOf = dataAsOf
        self.words = words
        self.home = home
        self.feed = feed
        self.translations = translations
        self.pdf = pdf
    }

    /// What a page shares with the pages whose frame is the same: its language, its folder
    /// (relative links depend on nothing else) and which menu item, if any, is the page itself.
    func frameKey(for page: Page) -> String {
        let path = page.outputPath.utf8
        let folder = path.lastIndex(of: UInt8(ascii: "/")).map { Substring(path[..<$0]) } ?? ""
        let item = nav.firstIndex { $0.article.path == page.article.path }
        return site.language + "\n" + folder + "\n" + (item.map(String.init) ?? "-")
    }

    /// The template values of a page whose frame is `frame` (`frameKey(for:)`).
    func make(for rendered: RenderedPage, frame frameKey: String, previous: Page?, next: Page?) -> [String: Any] {
        let page = rendered.page
        let article = page.article
        let links = PageLinks.relative(from: page.outputPath)
        var pageValues: [String: Any] = [
            "title": article.title,
            "path": article.path,
            "url": links.link(to: page.outputPath),
            "content": rendered.markdown.html,
            "is_index": page.isIndex,
            "params": Self.params(article.params),
        ]
        if let summary = article.summary { pageValues["summary"] = summary }
        if let date = article.date {
            pageValues["date"] = date.description
            pageValues["date_long"] = date.longText(language: site.language)
        }
        if let updated = article.updated {
            pageValues["updated"] = updated.description
            pageValues["updated_long"] = updated.longText(language: site.language)
        }
        let toc = rendered.markdown.headings.filter { $0.level == 2 || $0.level == 3 }
        if toc.count >= 3 {
            pageValues["has_toc"] = true
            pageValues["toc"] = toc.map { ["text": $0.text, "id": $0.id, "level": $0.level, "is_sub": $0.level == 3] as [String: Any] }
        }
        // The front matter's sources, then those the inline values cite per row.
        let sources = article.sources + rendered.made.sources.filter { !article.sources.contains($0) }
        if !sources.isEmpty {
            pageValues["has_sources"] = true
            pageValues["sources"] = sources.map(Self.source)
        }
        if let translations {
            pageValues["has_languages"] = true
            pageValues["languages"] = translations.switcher(for: article.path, links: links)
            pageValues["alternates"] = translations.alternates(for: article.path, links: links)
        }
        if let previous { pageValues["previous"] = link(to: previous, links) }
        if let next { pageValues["next"] = link(to: next, links) }
        var context = frames.frame(forKey: frameKey) { frame(links, current: article.path) }
        context["page"] = pageValues
        if let baseURL = site.baseURL { context["canonical_url"] = baseURL + "/" + page.outputPath }
        return context
    }

    /// The context of `404.html`, which is served at any depth: every link starts at the site's
    /// root (`base_url` when set, else `/`), and the theme's CSS comes inline.
    func notFound(inlineCSS: String) -> [String: Any] {
        let root = (site.baseURL ?? "") + "/"
        let links = PageLinks.absolute(root: root)
        var context = frame(links, current: nil)
        context["page"] = [
            "title": "Page not found", "path": "404.html", "url": links.link(to: "404.html"), "content": "", "is_index": false,
            "params": [String: Any](),
        ]
        context["inline_css"] = inlineCSS
        return context
    }

    /// What every page's context has: the site, its menu, and the links to the root and home.
    private func frame(_ links: PageLinks, current: String?) -> [String: Any] {
        var siteValues: [String: Any] = [
            "title": site.title,
            "language": site.language,
            "params": Self.params(site.params),
            "has_nav": !nav.isEmpty,
            "nav": nav.map { item -> [String: Any] in
                var entry = link(to: item, links)
                entry["current"] = item.article.path == current
                return entry
            },
        ]
        if let description = site.description { siteValues["description"] = description }
        if let author = site.author { siteValues["author"] = author }
        if let dataAsOf {
            siteValues["data_as_of"] = dataAsOf
            siteValues["data_as_of_long"] = ISODate(dataAsOf)?.longText(language: site.language) ?? dataAsOf
        }
        if let baseURL = site.baseURL { siteValues["base_url"] = baseURL }
        if let pdf { siteValues["pdf_url"] = links.link(to: pdf) }
        return [
            "site": siteValues,
            "root": links.root,
            "home": links.link(to: home),
            "feed_url": links.link(to: feed),
            "generator": "folio",
            "words": words,
        ]
    }

    private func link(to target: Page, _ links: PageLinks) -> [String: Any] {
        ["title": target.article.title, "nav_title": Self.navTitle(target.article), "url": links.link(to: target.outputPath)]
    }

    /// The short name in navigation: `nav_title` from the front matter, else the title.
    static func navTitle(_ article: Article) -> String {
        article.params.first { $0.key == "nav_title" }?.value.text ?? article.title
    }

    static func source(_ source: Source) -> [String: Any] {
        var values: [String: Any] = ["title": source.title]
        if let url = source.link { values["url"] = url }
        if let date = source.date { values["date"] = date }
        return values
    }

    /// Unknown front-matter keys as template values: text, lists and mappings.
    static func params(_ entries: [YAMLEntry]) -> [String: Any] {
        var values: [String: Any] = [:]
        for entry in entries { values[entry.key] = value(entry.value) }
        return values
    }

    static func value(_ yaml: YAMLValue) -> Any {
        if let bool = yaml.bool { return bool }
        switch yaml {
        case .scalar(let text, _, _): return text
        case .sequence(let items, _): return items.map(value)
        case .mapping(let entries, _): return params(entries)
        }
    }
}

/// The frames of a build's pages, each made once (`PageContext.frameKey`).
private final class FrameCache: Sendable {
    /// A frame's values: strings, booleans, arrays and dictionaries of them, never changed once made.
    private struct Frame: @unchecked Sendable { let values: [String: Any] }
    private let frames = Mutex<[String: Frame]>([:])

    func frame(forKey key: String, make: () -> [String: Any]) -> [String: Any] {
        if let known = frames.withLock({ $0[key] }) { return known.values }
        let made = Frame(values: make())
        frames.withLock { $0[key] = made }
        return made.values
    }
}
