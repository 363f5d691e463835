import FolioBlocks
import FolioCharts
import FolioCore
import FolioMarkdown
import Foundation
import Synchronization

/// The pipeline from a project snapshot to the files of the built site: load, render, assemble.
/// Pure: it reads nothing from disk and writes nothing; every error of the build is collected.
public enum SiteBuilder {
    /// Builds the site; with the `previous` build's state, pages whose inputs did not change are
    /// reused from the output instead of rendered again.
    public static func build(
        _ snapshot: ProjectSnapshot, options: BuildOptions = BuildOptions(), previous: BuildState? = nil
    ) throws(Diagnostics) -> SiteBuild {
        let loaded = try SiteLoader.load(snapshot, options: options, previous: previous)
        let hashes = InputHashes(
            snapshot: loaded.snapshot, articles: loaded.articles, reads: loaded.reads, dataAsOf: loaded.dataAsOf,
            datasetHashes: loaded.datasetHashes, options: options)
        let results = try renderPages(loaded, options: options, hashes: hashes, previous: previous)
        let notFound = try notFoundPage(loaded)
        return try assemble(loaded, pages: results, notFound: notFound, options: options, hashes: hashes, previous: previous)
    }

    /// Every page, rendered or reused, in the order of `loaded.pages`.
    static func renderPages(
        _ loaded: LoadedSite, options: BuildOptions, hashes: InputHashes, previous: BuildState?
    ) throws(Diagnostics) -> [PageResult] {
        let renderer = PageRenderer(
            options: MarkdownOptions(allowRawHTML: loaded.site.unsafeHTML),
            resolver: LinkResolver(published: Set(loaded.pages.map(\.article.path)), drafts: loaded.drafts),
            blocks: BlockRenderer(datasets: loaded.datasets, queries: loaded.queries), templates: loaded.templates)
        let context = PageContext(
            site: loaded.site, nav: loaded.nav, dataAsOf: loaded.dataAsOf)
        let reading = loaded.reading
        let position = Dictionary(reading.enumerated().map { ($0.element.outputPath, $0.offset) }) { first, _ in first }
        let templates = loaded.templates
        return try renderAll(loaded.pages, jobs: options.jobs) { page throws(Diagnostics) -> PageResult in
            if let reused = PageResult.reusing(page, previous: previous, hashes: hashes) { return reused }
            let rendered = try renderer.render(page)
            let index = position[page.outputPath]
            let before = index.flatMap { $0 > 0 ? reading[$0 - 1] : nil }
            let after = index.flatMap { $0 + 1 < reading.count ? reading[$0 + 1] : nil }
            let values = context.make(for: rendered, previous: before, next: after)
            do throws(Diagnostic) {
                let html = try templates.render(layout: page.article.layout, context: values, at: page.article.layoutLocation)
                return PageResult(rendered, html: html, hashes: hashes)
            } catch {
                throw Diagnostics([error])
            }
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
            site: loaded.site, nav: loaded.nav, dataAsOf: loaded.dataAsOf)
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
            files.append(OutputFile(path: "sitemap.xml", text: Feeds.sitemap(pages: pages, baseURL: baseURL)))
            let fallback = Feeds.isoDate(epoch: options.sourceDateEpoch ?? 0)
            files.append(OutputFile(path: "feed.xml", text: Feeds.atom(pages: pages, site: site, baseURL: baseURL, fallbackDate: fallback)))
        }
        files.append(OutputFile(path: "assets/charts.css", text: ChartRenderer.chartStylesheet))
        // A copied file may not take the place of a file folio makes.
        let assets = loaded.snapshot.assets
        let made = Set(files.map { $0.path.precomposedStringWithCanonicalMapping.lowercased() })
        let clashes = assets.filter { made.contains($0.path.precomposedStringWithCanonicalMapping.lowercased()) }
        guard clashes.isEmpty else {
            throw Diagnostics(
                clashes.map { Diagnostic(at: SourceLocation(path: $0.displayPath), SiteIssue.outputNameClash("folio", $0.path)) })
        }
        files += assets.map { OutputFile.copy(path: $0.path, from: $0.url, hash: $0.hash) }
        files.sort { $0.path < $1.path }
        let records = Dictionary(uniqueKeysWithValues: zip(pages.map(\.outputPath), results.map(\.record)))
        var state = BuildState(outputs: files, pages: records)
        state.derived = DerivedCache.records(of: loaded.datasets, reads: loaded.reads, hashes: hashes)
        let summary = BuildSummary(
            pages: results.count, charts: results.map(\.record.charts.count).reduce(0, +),
            tables: results.map(\.record.tables).reduce(0, +), files: files.count, claims: results.map(\.record.claims.count).reduce(0, +),
            queriesRun: loaded.queriesRun)
        return SiteBuild(
            files: files, summary: summary, state: state,
            rendered: results.filter(\.wasRendered).map(\.record.source).sorted(),
            changes: ChangeReport.lines(from: previous, to: state))
    }

    /// Runs `work` on every item, on up to `jobs` threads, keeping the input order and collecting all errors.
    static func renderAll<Input: Sendable, Output: Sendable>(
        _ items: [Input], jobs: Int?, _ work: @Sendable (Input) throws(Diagnostics) -> Output
    ) throws(Diagnostics) -> [Output] {
        let results = Mutex<[Int: Result<Output, Diagnostics>]>([:])
        let threads = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, items.count))
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            var index = thread
            while index < items.count {
                let result: Result<Output, Diagnostics>
                do throws(Diagnostics) {
                    result = .success(try work(items[index]))
                } catch {
                    result = .failure(error)
                }
                results.withLock { $0[index] = result }
                index += threads
            }
        }
        var outputs: [Output] = []
        var problems = DiagnosticCollector()
        let collected = results.withLock { $0 }
        for index in items.indices {
            switch collected[index] {
            case .success(let output)?: outputs.append(output)
            case .failure(let error)?: problems.add(contentsOf: error.all)
            case nil: break
            }
        }
        try problems.throwIfAny()
        return outputs
    }
}
