import FolioCore
import FolioYAML

/// What the rest of the site needs of an article (menus, previous/next, feeds, the sitemap, link
/// checks): its front matter's scalars, without the body, sources or params. An incremental build
/// keeps it, so an unchanged article is not read again.
public struct ArticleOutline: Sendable, Equatable {
    public var path: String
    public var displayPath: String
    public var title: String
    /// `nav_title` from the front matter.
    public var navTitle: String?
    public var summary: String?
    public var date: ISODate?
    public var updated: ISODate?
    public var layout: String
    public var layoutLocation: SourceLocation
    public var order: Int?
    public var draft: Bool

    public init(
        path: String, displayPath: String, title: String, navTitle: String?, summary: String?, date: ISODate?, updated: ISODate?,
        layout: String, layoutLocation: SourceLocation, order: Int?, draft: Bool
    ) {
        self.path = path
        self.displayPath = displayPath
        self.title = title
        self.navTitle = navTitle
        self.summary = summary
        self.date = date
        self.updated = updated
        self.layout = layout
        self.layoutLocation = layoutLocation
        self.order = order
        self.draft = draft
    }
}

extension Article {
    public var outline: ArticleOutline {
        ArticleOutline(
            path: path, displayPath: displayPath, title: title, navTitle: params.first { $0.key == "nav_title" }?.value.text,
            summary: summary, date: date, updated: updated, layout: layout, layoutLocation: layoutLocation, order: order, draft: draft)
    }

    /// An article known only by its outline, its body not read: enough for other pages' menus, links
    /// and feeds, never for rendering it.
    public init(outline: ArticleOutline) {
        self.init(
            path: outline.path, displayPath: outline.displayPath, title: outline.title, summary: outline.summary, date: outline.date,
            updated: outline.updated, layout: outline.layout, layoutLocation: outline.layoutLocation, order: outline.order,
            draft: outline.draft, sources: [],
            params: outline.navTitle.map { title in
                let at = SourceLocation(path: outline.displayPath)
                return [YAMLEntry(key: "nav_title", keyLocation: at, value: .scalar(title, plain: false, at: at))]
            } ?? [],
            body: [], bodyLineOffset: 0)
    }
}
