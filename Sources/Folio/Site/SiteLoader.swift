import FolioBlocks
import FolioCharts
import FolioContent
import FolioCore
import FolioData
import FolioMarkdown
import FolioQuery
import FolioTemplates
import Foundation

/// What every page is rendered against: site.yml, the templates and the datasets, read and checked.
struct SiteSetting: Sendable {
    /// The snapshot, with the default theme's partials a project's theme does not override.
    var snapshot: ProjectSnapshot
    var site: SiteConfig
    var templates: TemplateSet
    var datasets: DatasetLibrary
    /// Derived dataset → what it read directly (datasets, derived datasets, databases).
    var reads: [String: [String]]
    /// The SQL engine for blocks' own queries.
    var queries: (any DatasetQuerying)?
    /// The derived datasets whose queries ran; the others were reused from the previous build.
    var queriesRun: [String]
    /// `site.yml`'s `data_as_of`, computed when it is an expression (`=max(sources.date)`).
    var dataAsOf: String?
    /// Each dataset's hash of its own files, computed once per build.
    var datasetHashes: [String: String]
    /// The theme's words, the default theme's under the project's.
    var words: ThemeWords
}

/// The first step of a build: the project read and checked, before any page is rendered.
struct LoadedSite: Sendable {
    var setting: SiteSetting
    /// Every article, drafts included.
    var articles: [LoadedArticle]
    /// The articles published by this build.
    var pages: [Page]
    var drafts: Set<String>
    /// Pages in reading order, for previous/next.
    var reading: [Page]
    /// Each language's menu, by language code.
    var navs: [String: [Page]]
    var languages: SiteLanguages
    /// Links to pages made from data → their pages' paths (`TemplatePages.rowPages`).
    var rowPages: [String: String]

    /// The main language's menu.
    var nav: [Page] { navs[languages.main] ?? [] }
    var snapshot: ProjectSnapshot { setting.snapshot }
    var site: SiteConfig { setting.site }
    var templates: TemplateSet { setting.templates }
    var datasets: DatasetLibrary { setting.datasets }
    var reads: [String: [String]] { setting.reads }
    var queries: (any DatasetQuerying)? { setting.queries }
    var queriesRun: [String] { setting.queriesRun }
    var dataAsOf: String? { setting.dataAsOf }
    var datasetHashes: [String: String] { setting.datasetHashes }
}

/// Reads site.yml, the templates, the datasets and the articles of a snapshot, collecting every error.
enum SiteLoader {
    /// `previous`: the last build's state, whose derived datasets are reused where nothing they read changed.
    static func load(_ snapshot: ProjectSnapshot, options: BuildOptions, previous: BuildState? = nil) throws(Diagnostics) -> LoadedSite {
        var problems = DiagnosticCollector()
        let setting = loadSetting(snapshot, options: options, previous: previous, problems: &problems)
        let layout = snapshot.layout
        let languages = setting.map { SiteLanguages($0.site) } ?? SiteLanguages(main: SiteConfig(title: "").language)
        let loader = ArticleLoader()
        let articles = ParallelWork.map(snapshot.articles, jobs: options.jobs, problems: &problems) { file throws(Diagnostics) in
            try loader.load(file, as: languages.path(ofFile: file.path))
        }
        let drafts = Set(articles.filter { $0.article.draft && !options.drafts }.map(\.article.path))
        let written = articles.filter { !drafts.contains($0.article.path) }
        var pages = written.filter { TemplatePages.column(of: $0.article.path) == nil }.map { article in
            let language = languages.language(ofPath: article.article.path)
            return Page(loaded: article, translation: language == languages.main ? nil : language)
        }
        if let datasets = setting?.datasets {
            for template in written where TemplatePages.column(of: template.article.path) != nil {
                let language = languages.language(ofPath: template.article.path)
                let made =
                    problems.captureAll { () throws(Diagnostics) in
                        try TemplatePages.expand(template, datasets: datasets, jobs: options.jobs)
                    } ?? []
                pages += made.map { page in
                    var page = page
                    page.translation = language == languages.main ? nil : language
                    return page
                }
            }
        }
        if !snapshot.articles.contains(where: { $0.path == "index.md" }) {
            problems.add(Diagnostic(at: SourceLocation(path: "\(layout.contentName)/index.md"), SiteIssue.indexMissing))
        }
        for language in languages.others where !articles.contains(where: { $0.article.path == language + "/index.md" }) {
            problems.add(
                Diagnostic(at: SourceLocation(path: "\(layout.contentName)/index.\(language).md"), SiteIssue.languageIndexMissing(language))
            )
        }
        if let templates = setting?.templates {
            for page in pages where !templates.hasLayout(page.article.layout) {
                problems.add(
                    Diagnostic(
                        at: page.article.layoutLocation, TemplateIssue.unknownLayout(page.article.layout, known: templates.layoutNames)))
            }
        }
        let rowPages = TemplatePages.rowPages(pages)
        var reading: [Page] = []
        var navs: [String: [Page]] = [:]
        if let site = setting?.site {
            for language in languages.all {
                // A site in one language shares its pages' array rather than copying every page.
                let own = languages.others.isEmpty ? pages : pages.filter { ($0.translation ?? languages.main) == language }
                let order =
                    language == languages.main
                    ? readingOrder(pages: own, site: site, rowPages: rowPages, problems: &problems)
                    : translatedOrder(pages: own, site: site, rowPages: rowPages, language: language, languages: languages)
                reading += order
                // The menu: site.yml's `nav`, else the articles that set an `order` (a menu of every page
                // would make each page's size grow with the size of the site); pages made from data only when `nav` names them.
                navs[language] = site.nav != nil ? order : order.filter { $0.article.order != nil && $0.bindings == nil }
            }
        }
        problems.add(
            contentsOf: OutputNames.check(
                pages.map { ($0.outputPath, $0.article.displayPath) } + snapshot.assets.map { ($0.path, $0.displayPath) }))
        try problems.throwIfAny()
        guard let setting else { throw Diagnostics(problems.diagnostics) }
        return LoadedSite(
            setting: setting, articles: articles, pages: pages, drafts: drafts, reading: reading, navs: navs, languages: languages,
            rowPages: rowPages)
    }

    /// Site.yml, the templates and the datasets of a snapshot; nil when any has an error, which goes to `problems`.
    static func loadSetting(
        _ snapshot: ProjectSnapshot, options: BuildOptions, previous: BuildState?, problems: inout DiagnosticCollector
    ) -> SiteSetting? {
        var snapshot = snapshot
        snapshot.templates += DefaultPartials.missing(from: snapshot.templates)
        let layout = snapshot.layout
        var site = problems.captureAll { () throws(Diagnostics) -> SiteConfig in try readConfig(snapshot) }
        if let baseURL = options.baseURL { site?.baseURL = SiteConfig.baseURL(baseURL) }
        let templates = problems.captureAll { () throws(Diagnostics) in try TemplateSet.compile(snapshot.templates) }
        let words = problems.captureAll { () throws(Diagnostics) in try ThemeWords.read(snapshot.themeWords, over: DefaultWords.theme) }
        if let words, let site {
            problems.add(
                contentsOf: words.missing(
                    ThemeWords.required(by: snapshot.templates) + ChartWords.names, languages: [site.language] + site.languages.map(\.code),
                    folder: layout.templatesName))
        }
        let datasetHashes = InputHashes.ownHashes(of: snapshot)
        let derived = problems.captureAll { () throws(Diagnostics) in
            try DerivedDatasets.build(
                DatasetLibrary(
                    files: snapshot.dataFiles.map { DatasetFile(name: String($0.path.dropFirst("data/".count)), bytes: $0.bytes) },
                    basePath: "\(layout.contentName)/data",
                    trusted: Set(datasetHashes.lazy.filter { previous?.datasetHashes[$0.key] == $0.value }.map(\.key))),
                reusing: DerivedCache.reusable(from: previous, own: datasetHashes))
        }
        guard let site, let templates, let derived, let words else { return nil }
        var dataAsOf: String?
        if let entry = site.params.first(where: { $0.key == "data_as_of" }), let written = entry.value.text {
            dataAsOf = written
            if written.hasPrefix("=") {
                let blocks = BlockRenderer(
                    datasets: derived.library, queries: derived.queries, chartWords: ChartWords(words.words(for: site.language)))
                guard
                    let computed = problems.captureAll({ () throws(Diagnostics) in
                        try blocks.computedText(written, at: entry.value.location).text
                    })
                else { return nil }
                dataAsOf = computed
            }
        }
        return SiteSetting(
            snapshot: snapshot, site: site, templates: templates, datasets: derived.library, reads: derived.reads, queries: derived.queries,
            queriesRun: derived.ran, dataAsOf: dataAsOf, datasetHashes: datasetHashes, words: words)
    }

    private static func readConfig(_ snapshot: ProjectSnapshot) throws(Diagnostics) -> SiteConfig {
        let path = "\(snapshot.layout.contentName)/site.yml"
        guard let file = snapshot.siteConfig else {
            throw Diagnostics([Diagnostic(at: SourceLocation(path: path), ContentIssue.missingSiteConfig)])
        }
        if let bad = UTF8Validation.firstInvalid(in: file.bytes) {
            throw Diagnostics([Diagnostic(at: SourceLocation(path: path, line: bad.line, column: bad.column), MarkdownIssue.invalidUTF8)])
        }
        return try SiteConfig.read(String(decoding: file.bytes, as: UTF8.self), path: path)
    }

    /// A translation's pages in reading order: `nav`'s articles that have a version in `language`,
    /// else as `readingOrder` sorts them (by their own `order`).
    static func translatedOrder(
        pages: [Page], site: SiteConfig, rowPages: [String: String], language: String, languages: SiteLanguages
    ) -> [Page] {
        guard let nav = site.nav else {
            var ignored = DiagnosticCollector()
            var unordered = site
            unordered.nav = nil
            return readingOrder(pages: pages, site: unordered, rowPages: rowPages, problems: &ignored)
        }
        let named = nav.map { languages.path(rowPages[$0.path] ?? $0.path, in: language) }
        let byPath = pagesByPath(pages, named: Set(named))
        return named.compactMap { byPath[$0] }
    }

    /// Pages in reading order, for previous/next: `nav` from site.yml when given, else every
    /// article but the landing page by `order`, then path (the pages a template makes at its path,
    /// in the order their values first appear).
    static func readingOrder(
        pages: [Page], site: SiteConfig, rowPages: [String: String] = [:], problems: inout DiagnosticCollector
    ) -> [Page] {
        guard let nav = site.nav else {
            return pages.enumerated().filter { !$0.element.isIndex }.sorted {
                ($0.element.article.order ?? Int.max, $0.element.loaded.file.path, $0.offset)
                    < ($1.element.article.order ?? Int.max, $1.element.loaded.file.path, $1.offset)
            }.map(\.element)
        }
        let byPath = pagesByPath(pages, named: Set(nav.map { rowPages[$0.path] ?? $0.path }))
        return nav.compactMap { item in
            guard let page = byPath[rowPages[item.path] ?? item.path] else {
                problems.add(Diagnostic(at: item.location, SiteIssue.navUnknownArticle(item.path)))
                return nil
            }
            return page
        }
    }

    /// The pages at the article paths `named` (the last one at a path), by path: only those a
    /// menu names, as a site made from data has thousands of pages it does not.
    private static func pagesByPath(_ pages: [Page], named: Set<String>) -> [String: Page] {
        var byPath: [String: Page] = [:]
        for page in pages where named.contains(page.article.path) { byPath[page.article.path] = page }
        return byPath
    }
}

/// Partials of the default theme that every build has: a project's theme may override them.
enum DefaultPartials {
    /// Frames each chart: title, subtitle, the SVG, the source line and download links, the numbers.
    static let chart = "chart"

    /// The default theme's partials every build has, decoded once per process.
    private static let defaults: [TemplateSource] = Scaffold.themeFiles.compactMap { file in
        guard file.path == "partials/\(chart).mustache" else { return nil }
        return TemplateSource(
            name: chart, kind: .partial, displayPath: "(folio's default theme)/\(file.path)",
            text: String(decoding: file.bytes, as: UTF8.self))
    }

    static func missing(from templates: [TemplateSource]) -> [TemplateSource] {
        let present = Set(templates.filter { $0.kind == .partial }.map(\.name))
        return defaults.filter { !present.contains($0.name) }
    }
}

/// The default theme's words, which a project's `Templates/i18n/` files override word by word.
enum DefaultWords {
    static let theme: ThemeWords = {
        let files = Scaffold.themeFiles.compactMap { file -> ThemeWords.File? in
            guard let language = ThemeWords.language(ofPath: file.path) else { return nil }
            return ThemeWords.File(
                language: language, text: String(decoding: file.bytes, as: UTF8.self), displayPath: "(folio's default theme)/\(file.path)")
        }
        // The default theme's files are checked by the tests; a broken one gives no defaults rather than a crash.
        return (try? ThemeWords.read(files)) ?? ThemeWords()
    }()
}
