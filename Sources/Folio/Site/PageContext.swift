import FolioContent
import FolioCore
import FolioMarkdown
import FolioYAML

/// The dictionaries templates see. Plain dictionaries and arrays: swift-mustache renders them
/// far faster than reflected structs.
struct PageContext {
    let site: SiteConfig
    let nav: [Page]
    let dataAsOf: String?

    func make(for rendered: RenderedPage, previous: Page?, next: Page?) -> [String: Any] {
        let page = rendered.page
        let article = page.article
        let root = RelativePath.root(from: page.outputPath)
        var pageValues: [String: Any] = [
            "title": article.title,
            "path": article.path,
            "url": RelativePath.link(from: page.outputPath, to: page.outputPath),
            "content": rendered.markdown.html,
            "is_index": page.isIndex,
            "params": Self.params(article.params),
        ]
        if let summary = article.summary { pageValues["summary"] = summary }
        if let date = article.date {
            pageValues["date"] = date.description
            pageValues["date_long"] = date.longText
        }
        if let updated = article.updated {
            pageValues["updated"] = updated.description
            pageValues["updated_long"] = updated.longText
        }
        let toc = rendered.markdown.headings.filter { $0.level == 2 || $0.level == 3 }
        if toc.count >= 3 {
            pageValues["has_toc"] = true
            pageValues["toc"] = toc.map { ["text": $0.text, "id": $0.id, "level": $0.level, "is_sub": $0.level == 3] as [String: Any] }
        }
        if !article.sources.isEmpty {
            pageValues["has_sources"] = true
            pageValues["sources"] = article.sources.map(Self.source)
        }
        if let previous { pageValues["previous"] = link(from: page, to: previous) }
        if let next { pageValues["next"] = link(from: page, to: next) }

        var siteValues: [String: Any] = [
            "title": site.title,
            "language": site.language,
            "params": Self.params(site.params),
            "has_nav": !nav.isEmpty,
            "nav": nav.map { item -> [String: Any] in
                var entry = link(from: page, to: item)
                entry["current"] = item.article.path == article.path
                return entry
            },
        ]
        if let description = site.description { siteValues["description"] = description }
        if let author = site.author { siteValues["author"] = author }
        if let dataAsOf {
            siteValues["data_as_of"] = dataAsOf
            siteValues["data_as_of_long"] = ISODate(dataAsOf)?.longText ?? dataAsOf
        }
        var context: [String: Any] = [
            "site": siteValues,
            "page": pageValues,
            "root": root,
            "home": RelativePath.link(from: page.outputPath, to: "index.html"),
            "generator": "folio",
        ]
        if let baseURL = site.baseURL {
            siteValues["base_url"] = baseURL
            context["site"] = siteValues
            context["canonical_url"] = baseURL + "/" + page.outputPath
        }
        return context
    }

    private func link(from page: Page, to target: Page) -> [String: Any] {
        [
            "title": target.article.title, "nav_title": Self.navTitle(target.article),
            "url": RelativePath.link(from: page.outputPath, to: target.outputPath),
        ]
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
