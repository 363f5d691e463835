import FolioContent
import FolioCore
import FolioMarkdown
import FolioPrint

/// Rewrites links between articles (`other.md#part` → `other.html#part`) and refuses unsafe schemes.
struct LinkResolver: Sendable {
    /// Published articles by their path inside Content/.
    let published: Set<String>
    /// Articles left out of this build because they are drafts.
    let drafts: Set<String>
    /// Links to pages made from data (`companies/[company=Meta].md`) → the page's path (`companies/meta.md`).
    var rowPages: [String: String] = [:]
    /// The site's languages: a link is written to a file (`debt.md`, `debt.zh.md`) and goes to its
    /// page; from a translation, to the version in the same language when there is one.
    var languages = SiteLanguages(main: "en")
    /// For the print document: a link to an article goes to its place in the document (`#pdf-…`).
    var printAnchors = false

    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The rewritten URL for a link in `article`, nil to keep it, or an error.
    /// `sourcePath`: the article's file inside Content/ (`ipo.zh.md`), which its links are relative to.
    func resolve(_ link: LinkDestination, in article: Article, sourcePath: String? = nil) throws(Diagnostic) -> String? {
        let url = link.url
        if let scheme = URLScheme.of(url) {
            guard Self.allowedSchemes.contains(scheme) else { throw Diagnostic(at: link.location, SiteIssue.unsafeURLScheme(url)) }
            return nil
        }
        if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("/") || url.hasPrefix("?") { return nil }
        let suffixStart = url.firstIndex { $0 == "#" || $0 == "?" } ?? url.endIndex
        let path = String(url[..<suffixStart])
        guard path.hasSuffix(".md") else { return nil }
        let decoded = PercentDecoding.decode(path) ?? path
        guard let file = RelativePath.resolve(decoded, againstFileAt: sourcePath ?? article.path) else {
            throw Diagnostic(at: link.location, SiteIssue.linkLeavesContent(path))
        }
        return try resolve(file: file, suffix: url[suffixStart...], in: article, at: link.location)
    }

    /// The URL of the page a link to a template (`companies/[company].md`, written in `article`)
    /// makes for `value` (`companies/[company=Meta].md`): a table column's `link:`.
    func resolve(
        rowLink written: String, value: String, in article: Article, sourcePath: String? = nil, at location: SourceLocation
    ) throws(Diagnostic) -> String {
        let suffixStart = written.firstIndex { $0 == "#" || $0 == "?" } ?? written.endIndex
        let path = String(written[..<suffixStart])
        guard let file = RelativePath.resolve(PercentDecoding.decode(path) ?? path, againstFileAt: sourcePath ?? article.path),
            let column = TemplatePages.column(of: file)
        else { throw Diagnostic(at: location, SiteIssue.linkLeavesContent(path)) }
        let folder = file.dropLast(file.split(separator: "/").last?.count ?? 0)
        return try resolve(file: "\(folder)[\(column)=\(value)].md", suffix: written[suffixStart...], in: article, at: location)
    }

    /// The URL of the article at `file` (its path in Content/), with `suffix` (`#part`, `?q`) after it.
    private func resolve(file: String, suffix: Substring, in article: Article, at location: SourceLocation) throws(Diagnostic) -> String {
        var target = languages.path(ofFile: file)
        let language = languages.language(ofPath: article.path)
        if language != languages.main, languages.language(ofPath: target) == languages.main {
            let translated = languages.path(target, in: language)
            if published.contains(translated) || rowPages[translated] != nil { target = translated }
        }
        if let page = rowPages[target] {
            target = page
        } else if TemplatePages.isRowLink(target) {
            throw Diagnostic(at: location, SiteIssue.linkToMissingRowPage(target))
        }
        if drafts.contains(target) { throw Diagnostic(at: location, SiteIssue.linkToDraft(target)) }
        guard published.contains(target) else { throw Diagnostic(at: location, SiteIssue.linkToMissingArticle(target)) }
        if printAnchors {
            let fragment = suffix.first == "#" ? String(suffix.dropFirst()) : nil
            return "#" + PrintDocument.anchor(forPath: target, fragment: fragment)
        }
        let html = String(target.dropLast(3)) + ".html"
        return RelativePath.link(from: article.outputPath, to: html) + suffix
    }
}
