import FolioBlocks
import FolioCharts
import FolioCore
import FolioMarkdown
import Foundation

/// The pipeline from a project snapshot to the files of the built site: load, render, assemble.
/// It writes nothing itself: each page goes to the `sink` once rendered. Every error of the build is collected.
public enum SiteBuilder {
    /// Builds the site; with the `previous` build's state, pages whose inputs did not change are
    /// reused from the output instead of rendered again. `listing`: the files the snapshot was read
    /// from, for the records the next build trusts (none without it).
    public static func build(
        _ snapshot: ProjectSnapshot, options: BuildOptions = BuildOptions(), previous: BuildState? = nil,
        listing: ProjectReader.Listing? = nil, sink: any OutputSink = KeepInMemory()
    ) throws(Diagnostics) -> SiteBuild {
        let loaded = try SiteLoader.load(snapshot, options: options, previous: previous)
        let ownRows = TemplatePages.ownRowHashes(
            loaded.pages, datasets: loaded.datasets,
            files: Dictionary(loaded.snapshot.dataFiles.map { ($0.path, $0.bytes) }) { first, _ in first },
            hashes: InputHashes.withReads(loaded.datasetHashes, reads: loaded.reads))
        let hashes = InputHashes(
            snapshot: loaded.snapshot, articles: loaded.articles + loaded.pages.filter { $0.bindings != nil }.map(\.loaded),
            reads: loaded.reads, dataAsOf: loaded.dataAsOf,
            datasetHashes: loaded.datasetHashes, options: options, ownRows: ownRows)
        let results = try renderPages(loaded, options: options, hashes: hashes, previous: previous, sink: sink)
        let notFound = try notFoundPage(loaded)
        var site = try assemble(loaded, pages: results, notFound: notFound, options: options, hashes: hashes, previous: previous)
        if let listing { site.state.inputs = inputRecords(loaded, listing: listing) }
        BuildLeftovers(loaded: loaded, results: results, hashes: hashes).freeMeanwhile()
        return site
    }

    /// What a build was made from, once the site is assembled: a large site's pages take a while
    /// to free, which another core does while this one writes the site and its state.
    private struct BuildLeftovers: Sendable {
        var loaded: LoadedSite
        var results: [PageResult]
        var hashes: InputHashes

        consuming func freeMeanwhile() {
            DispatchQueue.global().async { [self] in _ = self }
        }
    }

    /// A record of every input file, so the next build can tell what changed from `stat` alone, with
    /// what it needs to know each article and asset without reading it (other files are read every build).
    static func inputRecords(_ loaded: LoadedSite, listing: ProjectReader.Listing) -> [String: BuildState.InputRecord] {
        var articles: [String: LoadedArticle] = [:]
        articles.reserveCapacity(loaded.articles.count)
        for article in loaded.articles { articles[article.file.displayPath] = article }
        var assets: [String: String] = [:]
        for asset in loaded.snapshot.assets { assets[asset.displayPath] = asset.hash }
        var records: [String: BuildState.InputRecord] = [:]
        records.reserveCapacity(listing.content.count + listing.templates.count)
        let layout = loaded.snapshot.layout
        for (folder, entries) in [(layout.contentName, listing.content), (layout.templatesName, listing.templates)] {
            for entry in entries {
                let displayPath = folder + "/" + entry.path
                records[displayPath] =
                    articles[displayPath]?.inputRecord(listedAt: listing.time)
                    ?? ProjectReader.record(
                        size: entry.size, stamp: entry.stamp, hash: assets[displayPath] ?? "", article: nil, listedAt: listing.time)
            }
        }
        return records
    }

    /// Every page, rendered or reused, in the order of `loaded.pages`; a rendered page's files go to the sink.
    static func renderPages(
        _ loaded: LoadedSite, options: BuildOptions, hashes: InputHashes, previous: BuildState?, sink: any OutputSink
    ) throws(Diagnostics) -> [PageResult] {
        let reading = loaded.reading
        let position = Dictionary(reading.enumerated().map { ($0.element.outputPath, $0.offset) }) { first, _ in first }
        let rendering = PageRendering(
            setting: loaded.setting, published: Set(loaded.pages.map(\.article.path)), drafts: loaded.drafts, rowPages: loaded.rowPages,
            navs: loaded.navs, options: options,
            hashes: hashes, sink: sink
        ) { page in
            // Each language's pages follow one another in `reading`; previous and next stay in the page's language.
            let index = position[page.outputPath]
            let previous = index.flatMap { $0 > 0 ? reading[$0 - 1] : nil }
            let next = index.flatMap { $0 + 1 < reading.count ? reading[$0 + 1] : nil }
            return (
                previous.flatMap { $0.translation == page.translation ? $0 : nil },
                next.flatMap { $0.translation == page.translation ? $0 : nil }
            )
        }
        return try ParallelWork.map(loaded.pages, jobs: options.jobs) { page throws(Diagnostics) -> PageResult in
            if let reused = PageResult.reusing(page, previous: previous, hashes: hashes) { return reused }
            return try rendering.render(page)
        }
    }

    /// `404.html`: the theme's `404` layout with the same site context as every page, its links
    /// from the site's root (it is served at any depth) and its styles inline; a plain page when
    /// the theme has no `404` layout.
    static func notFoundPage(_ loaded: LoadedSite) throws(Diagnostics) -> OutputFile {
        guard loaded.templates.hasLayout("404") else {
            let root = (loaded.site.baseURL ?? "") + "/"
            let html =
                "<!doctype html><title>Page not found</title><p>Page not found. <a href=\"\(Escape.html(root))\">Go to the front page</a>.</p>\n"
            return OutputFile(path: "404.html", text: html)
        }
        let stylesheet = loaded.snapshot.assets.first { $0.path == "assets/style.css" }
        let css = stylesheet.flatMap { try? Data(contentsOf: $0.url) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
        let context = PageContext(
            site: loaded.site, nav: loaded.nav, dataAsOf: loaded.dataAsOf, words: loaded.setting.words.words(for: loaded.site.language))
        let layout = loaded.snapshot.templates.first { $0.kind == .layout && $0.name == "404" }?.displayPath ?? "404"
        do throws(Diagnostic) {
            let html = try loaded.templates.render(
                layout: "404", context: context.notFound(inlineCSS: css), at: SourceLocation(path: layout))
            return OutputFile(path: "404.html", text: html)
        } catch {
            throw Diagnostics([error])
        }
    }

    /// The pages, the 404 page, feeds, the chart stylesheet and copied files, checked for clashes,
    /// with the state the next build starts from.
    static func assemble(
        _ loaded: LoadedSite, pages results: [PageResult], notFound: OutputFile, options: BuildOptions, hashes: InputHashes,
        previous: BuildState?
    ) throws(Diagnostics) -> SiteBuild {
        let site = loaded.site
        let pages = loaded.pages
        var files = results.flatMap(\.files)
        files.append(notFound)
        if let baseURL = site.baseURL {
            let languages = loaded.languages
            let translations = TranslationLinks(
                languages: languages, published: Set(pages.map(\.article.path)), names: [:], baseURL: baseURL)
            files.append(
                OutputFile(
                    path: "sitemap.xml",
                    text: Feeds.sitemap(pages: pages, baseURL: baseURL) {
                        translations.sitemapAlternates(for: $0.article.path, baseURL: baseURL)
                    }))
            let fallback = Feeds.isoDate(epoch: options.sourceDateEpoch ?? 0)
            // One feed per language, each of its own pages, at the root of its folder.
            for language in languages.all {
                let own = pages.filter { ($0.translation ?? languages.main) == language }
                let path = languages.path("feed.xml", in: language)
                files.append(
                    OutputFile(
                        path: path,
                        text: Feeds.atom(
                            pages: own, site: site.translated(to: language), baseURL: baseURL, feedPath: path,
                            home: TranslationLinks.html(languages.path("index.md", in: language)), fallbackDate: fallback)))
            }
        }
        files.append(OutputFile(path: "assets/charts.css", text: ChartRenderer.chartStylesheet))
        var printHashes: [String: String] = [:]
        if PrintBuild.isWanted(site, options: options) {
            let printed = try PrintBuild.files(loaded, results: results, previous: previous, options: options)
            files += printed.files
            printHashes = printed.hashes
        }
        // A copied file may not take the place of a file folio makes.
        let assets = loaded.snapshot.assets
        let made = Set(files.map { OutputNames.folded($0.path) })
        let clashes = assets.filter { made.contains(OutputNames.folded($0.path)) }
        guard clashes.isEmpty else {
            throw Diagnostics(
                clashes.map { Diagnostic(at: SourceLocation(path: $0.displayPath), SiteIssue.outputNameClash("folio", $0.path)) })
        }
        files += assets.map { OutputFile.copy(path: $0.path, from: $0.url, hash: $0.hash) }
        files.sort { $0.path < $1.path }
        let records = Dictionary(uniqueKeysWithValues: zip(pages.map(\.outputPath), results.map(\.record)))
        var state = BuildState(outputs: files, pages: records)
        state.structure = hashes.structure
        state.datasetHashes = hashes.datasets
        state.printHashes = printHashes
        state.derived = DerivedCache.records(of: loaded.datasets, reads: loaded.reads, hashes: hashes)
        let summary = BuildSummary(
            pages: results.count, charts: results.map(\.record.chartCount).reduce(0, +),
            tables: results.map(\.record.tables).reduce(0, +), files: files.count, claims: results.map(\.record.claimCount).reduce(0, +),
            queriesRun: loaded.queriesRun, articlesRead: loaded.articles.filter { $0.file.known?.article == nil }.count,
            pagesExamined: results.count)
        return SiteBuild(
            files: files, summary: summary, state: state,
            rendered: results.filter(\.wasRendered).map(\.record.source).sorted(),
            changes: ChangeReport.lines(from: previous, to: state))
    }
}
