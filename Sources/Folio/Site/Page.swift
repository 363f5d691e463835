import FolioBlocks
import FolioContent
import FolioCore
import FolioMarkdown

/// An article on its way to becoming a page.
struct Page: Sendable {
    var article: Article
    var outputPath: String { article.outputPath }
    var isIndex: Bool { article.path == "index.md" }
}

/// A page whose Markdown has been rendered, with what its blocks made.
struct RenderedPage: Sendable {
    var page: Page
    var markdown: RenderedMarkdown
    var made: PageMade
}

/// What a page's blocks and inline values made beside its HTML.
struct PageMade: Sendable {
    /// Chart SVGs and CSVs, with their paths.
    var files: [OutputFile] = []
    /// The datasets read by the page's blocks and inline values.
    var datasets: Set<String> = []
    /// What each block and inline value showed, in document order.
    var records: [BlockRecord] = []
    /// The sources per row its inline values cite, in order of first use.
    var sources: [Source] = []
}
