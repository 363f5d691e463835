import FolioBlocks
import FolioCharts
import FolioCore
import FolioFormat
import FolioMarkdown

/// Everything rendering one page needs from the rest of the site, and the rendering itself: the
/// Markdown and its blocks, the theme's layout around them, the files into the sink.
struct PageRendering: Sendable {
    /// What renders one language's pages: the Markdown and blocks renderer, and the template context.
    struct Edition: Sendable {
        let renderer: PageRenderer
        let context: PageContext
    }

    /// The main language's edition, and the translations' by language code.
    let main: Edition
    let translations: [String: Edition]
    let setting: SiteSetting
    let hashes: InputHashes
    let sink: any OutputSink
    /// The pages before and after a page in reading order.
    let neighbours: @Sendable (Page) -> (previous: Page?, next: Page?)

    /// `published`, `drafts`: the paths of the articles this build publishes, and of those it
    /// leaves out; `navs`: each language's menu (a site in one language: only its own).
    init(
        setting: SiteSetting, published: Set<String>, drafts: Set<String>, rowPages: [String: String] = [:], navs: [String: [Page]],
        options: BuildOptions, hashes: InputHashes, sink: any OutputSink,
        neighbours: @escaping @Sendable (Page) -> (previous: Page?, next: Page?)
    ) {
        let languages = SiteLanguages(setting.site)
        let resolver = LinkResolver(published: published, drafts: drafts, rowPages: rowPages, languages: languages)
        let names = Dictionary(uniqueKeysWithValues: languages.all.map { ($0, setting.words.words(for: $0)["language_name"] ?? $0) })
        let translations =
            languages.isMultilingual
            ? TranslationLinks(languages: languages, published: published, names: names, baseURL: setting.site.baseURL) : nil
        let printed = PrintBuild.isWanted(setting.site, options: options)
        func edition(_ language: String) -> Edition {
            let words = setting.words.words(for: language)
            return Edition(
                renderer: PageRenderer(
                    options: MarkdownOptions(allowRawHTML: setting.site.unsafeHTML), resolver: resolver,
                    blocks: BlockRenderer(
                        datasets: setting.datasets, queries: setting.queries, language: language, chartWords: ChartWords(words)),
                    templates: setting.templates,
                    words: words),
                context: PageContext(
                    site: setting.site.translated(to: language), nav: navs[language] ?? [], dataAsOf: setting.dataAsOf, words: words,
                    home: TranslationLinks.html(languages.path("index.md", in: language)),
                    feed: languages.path("feed.xml", in: language), translations: translations,
                    pdf: printed ? PrintBuild.path(for: language, in: languages) : nil))
        }
        main = edition(languages.main)
        self.translations = Dictionary(uniqueKeysWithValues: languages.others.map { ($0, edition($0)) })
        self.setting = setting
        self.hashes = hashes
        self.sink = sink
        self.neighbours = neighbours
    }

    func render(_ page: Page) throws(Diagnostics) -> PageResult {
        let edition = page.translation.flatMap { translations[$0] } ?? main
        let (renderer, context) = (edition.renderer, edition.context)
        let rendered = try renderer.render(try page.whole())
        let (before, after) = neighbours(page)
        let frame = context.frameKey(for: page)
        let values = context.make(for: rendered, frame: frame, previous: before, next: after)
        do throws(Diagnostic) {
            let html = try setting.templates.render(
                layout: page.article.layout, context: values, frame: frame, at: page.article.layoutLocation)
            let files = try ([OutputFile(path: page.outputPath, text: html)] + rendered.made.files).map(sink.accept)
            return PageResult(rendered, files: files, hashes: hashes)
        } catch {
            throw Diagnostics([error])
        }
    }
}
