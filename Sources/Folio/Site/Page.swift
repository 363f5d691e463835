import FolioContent
import FolioMarkdown

/// An article on its way to becoming a page: where it goes and its neighbours.
struct Page: Sendable {
    var article: Article
    var outputPath: String { article.outputPath }
    var isIndex: Bool { article.path == "index.md" }
    var navIndex: Int?
}

/// A page whose Markdown has been rendered, with what its blocks made.
struct RenderedPage: Sendable {
    var page: Page
    var markdown: RenderedMarkdown
    var made: PageBlocks.Made
}
