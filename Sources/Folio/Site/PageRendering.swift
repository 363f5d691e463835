import FolioBlocks
import FolioCore
import FolioMarkdown

/// Everything rendering one page needs from the rest of the site, and the rendering itself: the
/// Markdown and its blocks, the theme's layout around them, the files into the sink.
struct PageRendering: Sendable {
    let renderer: PageRenderer
    let context: PageContext
    let setting: SiteSetting
    let hashes: InputHashes
    let sink: any OutputSink
    /// The pages before and after a page in reading order.
    let neighbours: @Sendable (Page) -> (previous: Page?, next: Page?)

    /// `published`, `drafts`: the paths of the articles this build publishes, and of those it leaves out.
    init(
        setting: SiteSetting, published: Set<String>, drafts: Set<String>, rowPages: [String: String] = [:], nav: [Page],
        hashes: InputHashes, sink: any OutputSink,
        neighbours: @escaping @Sendable (Page) -> (previous: Page?, next: Page?)
    ) {
        let words = setting.words.words(for: setting.site.language)
        renderer = PageRenderer(
            options: MarkdownOptions(allowRawHTML: setting.site.unsafeHTML),
            resolver: LinkResolver(published: published, drafts: drafts, rowPages: rowPages),
            blocks: BlockRenderer(datasets: setting.datasets, queries: setting.queries), templates: setting.templates,
            words: words)
        context = PageContext(site: setting.site, nav: nav, dataAsOf: setting.dataAsOf, words: words)
        self.setting = setting
        self.hashes = hashes
        self.sink = sink
        self.neighbours = neighbours
    }

    func render(_ page: Page) throws(Diagnostics) -> PageResult {
        let rendered = try renderer.render(try page.whole())
        let (before, after) = neighbours(page)
        let values = context.make(for: rendered, previous: before, next: after)
        do throws(Diagnostic) {
            let html = try setting.templates.render(
                layout: page.article.layout, context: values, frame: context.frameKey(for: page), at: page.article.layoutLocation)
            let files = try ([OutputFile(path: page.outputPath, text: html)] + rendered.made.files).map(sink.accept)
            return PageResult(rendered, files: files, hashes: hashes)
        } catch {
            throw Diagnostics([error])
        }
    }
}
