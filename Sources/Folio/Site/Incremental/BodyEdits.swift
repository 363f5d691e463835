import FolioContent
import FolioCore

/// A rebuild after edits to article bodies and data files alone: no file added or removed, no
/// article given other front matter, no template or `site.yml` touched, `data_as_of` as it was,
/// and no page made from data (`[column].md`) in the site.
/// Only the edited articles' pages and the pages that read a dataset whose hash moved are
/// examined; every other page reads only what did not change, so the build is made from the last
/// build's state in time proportional to the edits, not to the site, with the same bytes a full
/// pass would write (the randomized incremental test compares the two).
enum BodyEdits {
    /// What such a build made.
    struct Outcome {
        /// The changes to the last build's state.
        var change: StateChange
        /// The files rendered, already in the writer's fresh folder; every other file is the output's own.
        var made: [String: OutputFile]
        var summary: BuildSummary
    }

    /// The build, or nil when the changes since `previous` are more than body edits: the full pass then runs.
    static func build(
        layout: ProjectLayout, listing: ProjectReader.Listing, options: BuildOptions, previous: BuildState, sink: any OutputSink
    ) throws(Diagnostics) -> Outcome? {
        guard let (edited, others, dataChanged) = editedFiles(layout: layout, listing: listing, previous: previous) else { return nil }
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
        // A site in several languages (its menus and links are per language) or with a PDF (which
        // holds every page) takes the full pass.
        guard setting.site.languages.isEmpty, !PrintBuild.isWanted(setting.site, options: options) else { return nil }
        let outlines = SiteOutline(layout: layout, listing: listing, previous: previous, edited: loaded, options: options)
        let structure = InputHashes.structure(
            siteConfig: setting.snapshot.siteConfig?.bytes ?? [], dataAsOf: setting.dataAsOf, options: options,
            frontMatters: outlines.frontMatters)
        guard structure == previous.structure else { return nil }

        // The pages that read a dataset whose hash moved, known by their outlines.
        let datasetHashes = InputHashes.withReads(setting.datasetHashes, reads: setting.reads)
        var readers: [LoadedArticle] = []
        if dataChanged {
            let moved = Set(datasetHashes.keys).union(previous.datasetHashes.keys).filter {
                datasetHashes[$0] != previous.datasetHashes[$0]
            }
            let editedPaths = Set(loaded.map(\.file.displayPath))
            let sources = previous.pages.values.filter { $0.datasets.contains(where: moved.contains) }.map(\.source)
            readers = outlines.articles(displayPaths: sources.filter { !editedPaths.contains($0) })
        }
        let hashes = InputHashes(
            snapshot: setting.snapshot, articles: loaded + readers, reads: setting.reads, dataAsOf: setting.dataAsOf,
            datasetHashes: setting.datasetHashes, options: options, structure: structure)
        let rendering = PageRendering(
            setting: setting, published: outlines.published, drafts: outlines.drafts,
            navs: [setting.site.language: outlines.nav(site: setting.site)], options: options,
            hashes: hashes, sink: sink, neighbours: outlines.neighbours(site: setting.site))
        let pages = (loaded.filter { !outlines.drafts.contains($0.article.path) } + readers).map { Page(loaded: $0) }
        let results = try ParallelWork.map(pages, jobs: options.jobs) { page throws(Diagnostics) -> PageResult in
            if let reused = PageResult.reusing(page, previous: previous, hashes: hashes) { return reused }
            return try rendering.render(page)
        }

        var change = StateChange(buildID: "", inputStamp: listing.stamp)
        if dataChanged {
            change.derived = DerivedCache.records(of: setting.datasets, reads: setting.reads, hashes: hashes)
            change.datasetHashes = hashes.datasets
        }
        var made: [String: OutputFile] = [:]
        var counts = (charts: 0, tables: 0, claims: 0)
        for record in previous.pages.values {
            counts.charts += record.chartCount
            counts.tables += record.tables
            counts.claims += record.claimCount
        }
        var reported: [String] = []
        for (page, result) in zip(pages, results) {
            let old = previous.pages[page.outputPath]
            for file in (old?.files ?? [:]).keys where result.record.files[file] == nil { change.outputs[file] = .some(nil) }
            for file in result.files {
                change.outputs[file.path] = file.hash
                if result.wasRendered { made[file.path] = file }
            }
            change.pages[page.outputPath] = result.record
            if let old {
                counts.charts += result.record.chartCount - old.chartCount
                counts.tables += result.record.tables - old.tables
                counts.claims += result.record.claimCount - old.claimCount
                reported += ChangeReport.changes(source: result.record.source, from: old, to: result.record)
            }
        }
        for article in loaded { change.inputs[article.file.displayPath] = article.inputRecord(listedAt: listing.time) }
        change.buildID = StateChange.buildID(of: previous.outputs, id: previous.buildID, changing: change.outputs)
        let files =
            previous.outputs.count + change.outputs.filter { previous.outputs[$0.key] == nil && $0.value != nil }.count
            - change.outputs.filter { previous.outputs[$0.key] != nil && $0.value == nil }.count
        var summary = BuildSummary(
            pages: previous.pages.count, charts: counts.charts, tables: counts.tables, files: files, claims: counts.claims,
            queriesRun: setting.queriesRun, articlesRead: loaded.count, pagesExamined: pages.count)
        summary.rendered = results.filter(\.wasRendered).map(\.record.source).sorted()
        summary.changes = reported.sorted()
        return Outcome(change: change, made: made, summary: summary)
    }

    /// The articles whose `stat` changed since the last build, the listing's other Content files, and
    /// whether a data file changed; nil when anything else changed, or when nothing did.
    private static func editedFiles(
        layout: ProjectLayout, listing: ProjectReader.Listing, previous: BuildState
    ) -> (edited: [ProjectSnapshot.ArticleFile], others: [FileTree.Entry], dataChanged: Bool)? {
        guard previous.inputs.count == listing.content.count + listing.templates.count else { return nil }
        var edited: [ProjectSnapshot.ArticleFile] = []
        var others: [FileTree.Entry] = []
        var dataChanged = false
        let root = layout.content.path
        for entry in listing.content {
            let displayPath = layout.contentName + "/" + entry.path
            // Pages made from data depend on their rows in ways this path does not follow.
            guard let record = previous.inputs[displayPath], TemplatePages.column(of: entry.path) == nil else { return nil }
            let isArticle = entry.path.hasSuffix(".md")
            if !isArticle { others.append(entry) }
            if record.size == entry.size, record.stamp == entry.stamp { continue }
            if entry.path.hasPrefix("data/") {
                dataChanged = true
                continue
            }
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
        return edited.isEmpty && !dataChanged ? nil : (edited, others, dataChanged)
    }
}

/// The site's articles as the last build recorded them (the edited ones as read now): what menus,
/// previous/next and links need, without a page for each.
struct SiteOutline {
    /// Every article's outline and hashes, in path order, and whether this build publishes it.
    private let outlines: [ArticleOutline]
    private let hashes: [(file: String, frontMatter: String)]
    private let isPublished: [Bool]
    private let layout: ProjectLayout
    let published: Set<String>
    let drafts: Set<String>

    init(layout: ProjectLayout, listing: ProjectReader.Listing, previous: BuildState, edited: [LoadedArticle], options: BuildOptions) {
        var editedByPath: [String: LoadedArticle] = [:]
        for article in edited { editedByPath[article.file.displayPath] = article }
        var outlines: [ArticleOutline] = []
        var hashes: [(file: String, frontMatter: String)] = []
        var isPublished: [Bool] = []
        var published = Set<String>(minimumCapacity: listing.content.count)
        var drafts = Set<String>()
        outlines.reserveCapacity(listing.content.count)
        hashes.reserveCapacity(listing.content.count)
        isPublished.reserveCapacity(listing.content.count)
        for entry in listing.content where entry.path.hasSuffix(".md") {
            let displayPath = layout.contentName + "/" + entry.path
            if let loaded = editedByPath[displayPath] {
                outlines.append(loaded.article.outline)
                hashes.append((loaded.hash, loaded.frontMatterHash))
            } else if let record = previous.inputs[displayPath], let known = record.article {
                outlines.append(known.outline)
                hashes.append((record.hash, known.frontMatterHash))
            } else {
                continue  // `editedArticles` found a record for every article
            }
            let path = entry.path
            let isDraft = outlines[outlines.count - 1].draft && !options.drafts
            isPublished.append(!isDraft)
            if isDraft { drafts.insert(path) } else { published.insert(path) }
        }
        self.outlines = outlines
        self.hashes = hashes
        self.isPublished = isPublished
        self.layout = layout
        self.published = published
        self.drafts = drafts
    }

    /// Each article's path and front-matter hash, in path order, for `InputHashes.structure`.
    var frontMatters: [(path: String, hash: String)] { zip(outlines, hashes).map { ($0.path, $1.frontMatter) } }

    /// The menu, as `SiteLoader.load` makes it: `nav`'s pages, else those that set an `order`.
    func nav(site: SiteConfig) -> [Page] {
        if site.nav != nil { return reading(site: site) }
        let chosen = outlines.indices.filter { outlines[$0].order != nil && isInReading($0) }
        return chosen.sorted { readingKey($0) < readingKey($1) }.map(page(at:))
    }

    /// What finds the pages before and after a page in reading order (`SiteLoader.readingOrder`);
    /// `nav`'s order is worked out once, not once per page.
    func neighbours(site: SiteConfig) -> @Sendable (Page) -> (previous: Page?, next: Page?) {
        guard site.nav != nil else { return { page in self.neighbours(of: page) } }
        let pages = reading(site: site)
        var positions: [String: Int] = [:]
        for (position, page) in pages.enumerated() where positions[page.article.path] == nil { positions[page.article.path] = position }
        return { [positions] page in
            guard let index = positions[page.article.path] else { return (nil, nil) }
            return (index > 0 ? pages[index - 1] : nil, index + 1 < pages.count ? pages[index + 1] : nil)
        }
    }

    /// The pages before and after `page` by `order`, then path, for a site without `nav`.
    private func neighbours(of page: Page) -> (previous: Page?, next: Page?) {
        guard !page.isIndex else { return (nil, nil) }
        let key = (page.article.order ?? Int.max, page.article.path)
        var before: Int?
        var after: Int?
        for index in outlines.indices where isInReading(index) {
            let other = readingKey(index)
            if other < key, before.map({ readingKey($0) < other }) ?? true { before = index }
            if other > key, after.map({ other < readingKey($0) }) ?? true { after = index }
        }
        return (before.map(page(at:)), after.map(page(at:)))
    }

    /// The articles of these display paths, known by their outlines.
    func articles(displayPaths: [String]) -> [LoadedArticle] {
        guard !displayPaths.isEmpty else { return [] }
        var index: [String: Int] = [:]
        index.reserveCapacity(outlines.count)
        for (position, outline) in outlines.enumerated() { index[outline.displayPath] = position }
        return displayPaths.compactMap { index[$0] }.map { page(at: $0).loaded }
    }

    private func readingKey(_ index: Int) -> (Int, String) { (outlines[index].order ?? Int.max, outlines[index].path) }

    private func isInReading(_ index: Int) -> Bool { isPublished[index] && outlines[index].path != "index.md" }

    /// `nav`'s pages in its order, among those published.
    private func reading(site: SiteConfig) -> [Page] {
        var byPath: [String: Int] = [:]
        for index in outlines.indices where isPublished[index] { byPath[outlines[index].path] = index }
        return (site.nav ?? []).compactMap { byPath[$0.path] }.map(page(at:))
    }

    /// A page known by its outline alone, as a neighbour or a menu entry.
    private func page(at index: Int) -> Page {
        let outline = outlines[index]
        let file = ProjectSnapshot.ArticleFile(
            path: outline.path, displayPath: outline.displayPath, location: layout.content.path + "/" + outline.path, size: 0,
            stamp: .unsettled,
            known: nil)
        return Page(
            loaded: LoadedArticle(outline: outline, file: file, hash: hashes[index].file, frontMatterHash: hashes[index].frontMatter))
    }
}
