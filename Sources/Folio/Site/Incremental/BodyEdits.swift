import FolioContent
import FolioCore

/// A rebuild after edits to article bodies alone: no article added, removed or given other front
/// matter, no other input touched. Every other page reads only what did not change, so it is made
/// from the last build's state in time proportional to the edits, not to the site, with the same
/// bytes a full pass would write (the randomized incremental test compares the two).
enum BodyEdits {
    /// The new site and the files this build made (every other file is the output's own), or nil
    /// when the changes since `previous` are more than body edits: the full pass then runs.
    static func build(
        layout: ProjectLayout, listing: ProjectReader.Listing, options: BuildOptions, previous: BuildState, sink: any OutputSink
    ) throws(Diagnostics) -> (site: SiteBuild, made: [String: OutputFile])? {
        guard let (edited, others) = editedArticles(layout: layout, listing: listing, previous: previous) else { return nil }
        let loader = ArticleLoader()
        var loaded: [LoadedArticle] = []
        for file in edited {
            let article = try loader.load(file)
            guard article.frontMatterHash == previous.inputs[file.displayPath]?.article?.frontMatterHash else { return nil }
            loaded.append(article)
        }
        let snapshot = try ProjectReader.read(
            layout, listing: ProjectReader.Listing(content: others, templates: listing.templates, stamp: listing.stamp, time: listing.time),
            known: previous.inputs)
        var problems = DiagnosticCollector()
        guard let setting = SiteLoader.loadSetting(snapshot, options: options, previous: previous, problems: &problems) else {
            throw Diagnostics(problems.diagnostics)
        }
        let outlines = SiteOutline(layout: layout, listing: listing, previous: previous, edited: loaded, options: options)
        let structure = InputHashes.structure(
            siteConfig: setting.snapshot.siteConfig?.bytes ?? [], dataAsOf: setting.dataAsOf, options: options,
            frontMatters: outlines.frontMatters)
        guard structure == previous.structure else { return nil }

        let hashes = InputHashes(
            snapshot: setting.snapshot, articles: loaded, reads: setting.reads, dataAsOf: setting.dataAsOf,
            datasetHashes: setting.datasetHashes, options: options, structure: structure)
        let rendering = PageRendering(
            setting: setting, published: outlines.published, drafts: outlines.drafts, nav: outlines.nav(site: setting.site),
            hashes: hashes, sink: sink
        ) { page in outlines.neighbours(of: page, site: setting.site) }
        let pages = loaded.filter { !outlines.drafts.contains($0.article.path) }.map { Page(loaded: $0) }
        let results = try ParallelWork.map(pages, jobs: options.jobs) { page throws(Diagnostics) -> PageResult in
            if let reused = PageResult.reusing(page, previous: previous, hashes: hashes) { return reused }
            return try rendering.render(page)
        }

        var state = previous
        var made: [String: OutputFile] = [:]
        for (page, result) in zip(pages, results) {
            let oldFiles = previous.pages[page.outputPath]?.files ?? [:]
            for file in oldFiles.keys where result.record.files[file] == nil { state.outputs[file] = nil }
            for file in result.files {
                state.outputs[file.path] = file.hash
                if result.wasRendered { made[file.path] = file }
            }
            state.pages[page.outputPath] = result.record
        }
        for article in loaded {
            let file = article.file
            state.inputs[file.displayPath] = ProjectReader.record(
                size: file.size, stamp: file.stamp, hash: article.hash,
                article: BuildState.ArticleRecord(outline: article.article.outline, frontMatterHash: article.frontMatterHash),
                listedAt: listing.time)
        }
        state.inputStamp = listing.stamp
        state.buildID = BuildState.buildID(of: state.outputs)
        let summary = BuildSummary(
            pages: state.pages.count, charts: state.pages.values.reduce(0) { $0 + $1.charts.count },
            tables: state.pages.values.reduce(0) { $0 + $1.tables }, files: state.outputs.count,
            claims: state.pages.values.reduce(0) { $0 + $1.claims.count }, queriesRun: setting.queriesRun, articlesRead: loaded.count,
            pagesExamined: pages.count)
        let site = SiteBuild(
            files: [], summary: summary, state: state, rendered: results.filter(\.wasRendered).map(\.record.source).sorted(),
            changes: ChangeReport.lines(from: previous, to: state, only: Set(pages.map(\.outputPath))))
        return (site, made)
    }

    /// The articles whose `stat` changed since the last build, and the listing's other Content
    /// files; nil when anything but an article already known changed, or when nothing did.
    private static func editedArticles(
        layout: ProjectLayout, listing: ProjectReader.Listing, previous: BuildState
    ) -> (edited: [ProjectSnapshot.ArticleFile], others: [FileTree.Entry])? {
        guard previous.inputs.count == listing.content.count + listing.templates.count else { return nil }
        var edited: [ProjectSnapshot.ArticleFile] = []
        var others: [FileTree.Entry] = []
        let root = layout.content.path
        for entry in listing.content {
            let displayPath = layout.contentName + "/" + entry.path
            guard let record = previous.inputs[displayPath] else { return nil }
            let isArticle = entry.path.hasSuffix(".md")
            if !isArticle { others.append(entry) }
            if record.size == entry.size, record.stamp == entry.stamp { continue }
            guard isArticle, record.article != nil, entry.size <= ProjectReader.maxInputBytes else { return nil }
            edited.append(
                ProjectSnapshot.ArticleFile(
                    path: entry.path, displayPath: displayPath, location: root + "/" + entry.path, size: entry.size, stamp: entry.stamp,
                    known: nil))
        }
        for entry in listing.templates {
            guard let record = previous.inputs[layout.templatesName + "/" + entry.path], record.size == entry.size,
                record.stamp == entry.stamp
            else { return nil }
        }
        return edited.isEmpty ? nil : (edited, others)
    }
}

/// The site's articles as the last build recorded them (the edited ones as read now): what menus,
/// previous/next and links need, without a page for each.
struct SiteOutline {
    /// Every article's outline and record, in path order.
    private let articles: [(outline: ArticleOutline, hash: String, frontMatterHash: String)]
    private let layout: ProjectLayout
    let published: Set<String>
    let drafts: Set<String>

    init(layout: ProjectLayout, listing: ProjectReader.Listing, previous: BuildState, edited: [LoadedArticle], options: BuildOptions) {
        var editedByPath: [String: LoadedArticle] = [:]
        for article in edited { editedByPath[article.file.displayPath] = article }
        var articles: [(outline: ArticleOutline, hash: String, frontMatterHash: String)] = []
        var published = Set<String>()
        var drafts = Set<String>()
        for entry in listing.content where entry.path.hasSuffix(".md") {
            let displayPath = layout.contentName + "/" + entry.path
            let article: (outline: ArticleOutline, hash: String, frontMatterHash: String)
            if let loaded = editedByPath[displayPath] {
                article = (loaded.article.outline, loaded.hash, loaded.frontMatterHash)
            } else if let record = previous.inputs[displayPath], let known = record.article {
                article = (known.outline, record.hash, known.frontMatterHash)
            } else {
                continue  // `editedArticles` found a record for every article
            }
            articles.append(article)
            if article.outline.draft && !options.drafts {
                drafts.insert(article.outline.path)
            } else {
                published.insert(article.outline.path)
            }
        }
        self.articles = articles
        self.layout = layout
        self.published = published
        self.drafts = drafts
    }

    /// Each article's path and front-matter hash, in path order, for `InputHashes.structure`.
    var frontMatters: [(path: String, hash: String)] { articles.map { ($0.outline.path, $0.frontMatterHash) } }

    /// The menu, as `SiteLoader.load` makes it: `nav`'s pages, else those that set an `order`.
    func nav(site: SiteConfig) -> [Page] {
        if site.nav != nil { return reading(site: site) }
        return reading(site: site, where: { $0.order != nil })
    }

    /// The pages before and after `page` in reading order (`SiteLoader.readingOrder`).
    func neighbours(of page: Page, site: SiteConfig) -> (previous: Page?, next: Page?) {
        if site.nav != nil {
            let pages = reading(site: site)
            guard let index = pages.firstIndex(where: { $0.article.path == page.article.path }) else { return (nil, nil) }
            return (index > 0 ? pages[index - 1] : nil, index + 1 < pages.count ? pages[index + 1] : nil)
        }
        guard !page.isIndex else { return (nil, nil) }
        let key = Self.readingKey(page.article.outline)
        var before: (key: (Int, String), index: Int)?
        var after: (key: (Int, String), index: Int)?
        for (index, article) in articles.enumerated() where isInReading(article.outline) && article.outline.path != page.article.path {
            let other = Self.readingKey(article.outline)
            if other < key, before.map({ $0.key < other }) ?? true { before = (other, index) }
            if other > key, after.map({ other < $0.key }) ?? true { after = (other, index) }
        }
        return (before.map { self.page(at: $0.index) }, after.map { self.page(at: $0.index) })
    }

    private static func readingKey(_ outline: ArticleOutline) -> (Int, String) { (outline.order ?? Int.max, outline.path) }

    private func isInReading(_ outline: ArticleOutline) -> Bool { published.contains(outline.path) && outline.path != "index.md" }

    /// Reading order: `nav`'s pages in its order, else every published page but the landing page by `order`, then path.
    private func reading(site: SiteConfig, where include: (ArticleOutline) -> Bool = { _ in true }) -> [Page] {
        if let nav = site.nav {
            var byPath: [String: Int] = [:]
            for (index, article) in articles.enumerated() where published.contains(article.outline.path) {
                byPath[article.outline.path] = index
            }
            return nav.compactMap { byPath[$0.path] }.map(page(at:))
        }
        let chosen = articles.indices.filter { isInReading(articles[$0].outline) && include(articles[$0].outline) }
        return chosen.sorted { Self.readingKey(articles[$0].outline) < Self.readingKey(articles[$1].outline) }.map(page(at:))
    }

    /// A page known by its outline alone, as a neighbour or a menu entry.
    private func page(at index: Int) -> Page {
        let article = articles[index]
        let path = article.outline.path
        let file = ProjectSnapshot.ArticleFile(
            path: path, displayPath: article.outline.displayPath, location: layout.content.path + "/" + path, size: 0, stamp: [],
            known: nil)
        return Page(
            loaded: LoadedArticle(
                article: Article(outline: article.outline), file: file, hash: article.hash, frontMatterHash: article.frontMatterHash,
                isWhole: false))
    }
}
