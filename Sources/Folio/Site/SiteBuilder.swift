import FolioBlocks
import FolioCharts
import FolioContent
import FolioCore
import FolioData
import FolioMarkdown
import FolioTemplates
import Foundation
import Synchronization

/// The pipeline from a project snapshot to the files of the built site: read, render, lay out.
/// Pure: it reads nothing from disk and writes nothing; every error of the build is collected.
public enum SiteBuilder {
    /// Builds the site; with the `previous` build's state, pages whose inputs did not change are
    /// reused from the output instead of rendered again.
    public static func build(
        _ snapshot: ProjectSnapshot, options: BuildOptions = BuildOptions(), previous: BuildState? = nil
    ) throws(Diagnostics) -> SiteBuild {
        var problems = DiagnosticCollector()
        let layout = snapshot.layout
        let configPath = "\(layout.contentName)/site.yml"
        var site = problems.captureAll { () throws(Diagnostics) -> SiteConfig in
            guard let file = snapshot.siteConfig else {
                throw Diagnostics([Diagnostic(at: SourceLocation(path: configPath), ContentIssue.missingSiteConfig)])
            }
            return try SiteConfig.read(String(decoding: file.bytes, as: UTF8.self), path: configPath)
        }
        if let baseURL = options.baseURL { site?.baseURL = SiteConfig.baseURL(baseURL) }
        let templates = problems.captureAll { () throws(Diagnostics) in try TemplateSet.compile(snapshot.templates) }
        let datasets = problems.captureAll { () throws(Diagnostics) in
            try DatasetLibrary(
                files: snapshot.dataFiles.map { DatasetFile(name: String($0.path.dropFirst("data/".count)), bytes: $0.bytes) },
                basePath: "\(layout.contentName)/data")
        }

        var articles: [Article] = []
        for file in snapshot.articles {
            let displayPath = "\(layout.contentName)/\(file.path)"
            if let bad = UTF8Validation.firstInvalid(in: file.bytes) {
                problems.add(
                    Diagnostic(at: SourceLocation(path: displayPath, line: bad.line, column: bad.column), MarkdownIssue.invalidUTF8))
                continue
            }
            if let article = problems.captureAll({ () throws(Diagnostics) in
                try ArticleReader.read(file.bytes, path: file.path, displayPath: displayPath)
            }) {
                articles.append(article)
            }
        }
        let drafts = Set(articles.filter { $0.draft && !options.drafts }.map(\.path))
        let pages = articles.filter { !drafts.contains($0.path) }.map { Page(article: $0) }
        if !snapshot.articles.contains(where: { $0.path == "index.md" }) {
            problems.add(Diagnostic(at: SourceLocation(path: "\(layout.contentName)/index.md"), SiteIssue.indexMissing))
        }
        if let templates {
            for page in pages where !templates.hasLayout(page.article.layout) {
                problems.add(
                    Diagnostic(
                        at: page.article.layoutLocation, TemplateIssue.unknownLayout(page.article.layout, known: templates.layoutNames)))
            }
        }
        let reading = site.map { readingOrder(pages: pages, site: $0, problems: &problems) } ?? []
        // The menu: site.yml's `nav`, else the articles that set an `order` (a menu of every page
        // would make each page's size grow with the size of the site).
        let nav = site?.nav != nil ? reading : reading.filter { $0.article.order != nil }
        problems.add(
            contentsOf: OutputNames.check(
                pages.map { ($0.outputPath, $0.article.displayPath) } + snapshot.assets.map { ($0.path, $0.displayPath) }))
        try problems.throwIfAny()
        guard let site, let templates, let datasets else { throw Diagnostics(problems.diagnostics) }
        let blocks = BlockRenderer(datasets: datasets)

        let resolver = LinkResolver(published: Set(pages.map(\.article.path)), drafts: drafts)
        let markdownOptions = MarkdownOptions(allowRawHTML: site.unsafeHTML)
        let context = PageContext(site: site, nav: nav, dataAsOf: site.params.first { $0.key == "data_as_of" }?.value.text)
        let hashes = InputHashes(snapshot: snapshot, articles: articles, options: options)
        let position = Dictionary(reading.enumerated().map { ($0.element.outputPath, $0.offset) }) { first, _ in first }
        let results = try renderAll(pages, jobs: options.jobs) { page throws(Diagnostics) -> PageResult in
            if let reused = PageResult.reusing(page, previous: previous, hashes: hashes) { return reused }
            let rendered = try render(page, options: markdownOptions, resolver: resolver, blocks: blocks)
            let index = position[page.outputPath]
            let before = index.flatMap { $0 > 0 ? reading[$0 - 1] : nil }
            let after = index.flatMap { $0 + 1 < reading.count ? reading[$0 + 1] : nil }
            let values = context.make(for: rendered, previous: before, next: after)
            let html: String
            do throws(Diagnostic) {
                html = try templates.render(layout: page.article.layout, context: values, at: page.article.layoutLocation)
            } catch {
                throw Diagnostics([error])
            }
            return PageResult(rendered, html: html, hashes: hashes)
        }

        var files = results.flatMap(\.files)
        files.append(notFoundPage(site: site, templates: templates, snapshot: snapshot, nav: nav))
        if let baseURL = site.baseURL {
            files.append(OutputFile(path: "sitemap.xml", text: Feeds.sitemap(pages: pages, baseURL: baseURL)))
            let fallback = Feeds.isoDate(epoch: options.sourceDateEpoch ?? 0)
            files.append(OutputFile(path: "feed.xml", text: Feeds.atom(pages: pages, site: site, baseURL: baseURL, fallbackDate: fallback)))
        }
        files.append(OutputFile(path: "assets/charts.css", text: ChartRenderer.chartStylesheet))
        // A copied file may not take the place of a file folio makes.
        let made = Set(files.map { $0.path.precomposedStringWithCanonicalMapping.lowercased() })
        let clashes = snapshot.assets.filter { made.contains($0.path.precomposedStringWithCanonicalMapping.lowercased()) }
        guard clashes.isEmpty else {
            throw Diagnostics(
                clashes.map { Diagnostic(at: SourceLocation(path: $0.displayPath), SiteIssue.outputNameClash("folio", $0.path)) })
        }
        files += snapshot.assets.map { OutputFile(path: $0.path, bytes: $0.bytes) }
        files.sort { $0.path < $1.path }
        let records = Dictionary(uniqueKeysWithValues: zip(pages.map(\.outputPath), results.map(\.record)))
        let state = BuildState(outputs: files, pages: records)
        let summary = BuildSummary(
            pages: results.count, charts: results.map(\.record.charts.count).reduce(0, +),
            tables: results.map(\.record.tables).reduce(0, +), files: files.count)
        return SiteBuild(
            files: files, summary: summary, state: state,
            rendered: results.filter(\.wasRendered).map(\.record.source).sorted(),
            changes: ChangeReport.lines(from: previous, to: state))
    }

    /// Pages in reading order, for previous/next: `nav` from site.yml when given, else every
    /// article but the landing page by `order`, then path.
    static func readingOrder(pages: [Page], site: SiteConfig, problems: inout DiagnosticCollector) -> [Page] {
        guard let nav = site.nav else {
            return pages.filter { !$0.isIndex }.sorted {
                ($0.article.order ?? Int.max, $0.article.path) < ($1.article.order ?? Int.max, $1.article.path)
            }
        }
        var byPath: [String: Page] = [:]
        for page in pages { byPath[page.article.path] = page }
        return nav.compactMap { item in
            guard let page = byPath[item.path] else {
                problems.add(Diagnostic(at: item.location, SiteIssue.navUnknownArticle(item.path)))
                return nil
            }
            return page
        }
    }

    static func render(
        _ page: Page, options: MarkdownOptions, resolver: LinkResolver, blocks renderer: BlockRenderer
    ) throws(Diagnostics) -> RenderedPage {
        var options = options
        options.lineOffset = page.article.bodyLineOffset
        let article = page.article
        let blocks = PageBlocks(article: article, renderer: renderer)
        let hooks = MarkdownHooks(
            fencedBlock: { block in try blocks.fencedBlock(block) },
            inlineCode: { code in try blocks.inlineCode(code) },
            link: { link in try resolver.resolve(link, in: article) })
        let markdown = try MarkdownRenderer.render(article.body, path: article.displayPath, options: options, hooks: hooks)
        return RenderedPage(page: page, markdown: markdown, made: blocks.finished())
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

    /// `404.html`: served for a missing URL at any depth, so it links with the site's address
    /// when `base_url` is set (else `/`) and carries its styles inline.
    static func notFoundPage(site: SiteConfig, templates: TemplateSet, snapshot: ProjectSnapshot, nav: [Page]) -> OutputFile {
        let root = (site.baseURL ?? "") + "/"
        let css = snapshot.assets.first { $0.path == "assets/style.css" }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        let context: [String: Any] = [
            "site": [
                "title": site.title, "language": site.language, "has_nav": !nav.isEmpty,
                "nav": nav.map { ["title": $0.article.title, "url": root + $0.outputPath] },
            ],
            "page": ["title": "Page not found"],
            "root": root,
            "home": root,
            "inline_css": css,
        ]
        let html =
            templates.hasLayout("404")
            ? (try? templates.render(layout: "404", context: context, at: SourceLocation(path: "404"))) ?? ""
            : "<!doctype html><title>Page not found</title><p>Page not found. <a href=\"\(Escape.html(root))\">Go to the front page</a>.</p>\n"
        return OutputFile(path: "404.html", text: html)
    }
}
