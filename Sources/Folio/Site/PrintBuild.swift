import FolioBlocks
import FolioCharts
import FolioContent
import FolioCore
import FolioMarkdown
import FolioPrint
import Foundation

/// The whole report as one PDF per language (SPEC §9): every page rendered again for print
/// (charts as print SVGs, links inside the document), put in one print document with a cover
/// and a table of contents, and turned into `report.pdf` (`report.zh.pdf`) by WeasyPrint.
enum PrintBuild {
    static func isWanted(_ site: SiteConfig, options: BuildOptions) -> Bool { options.pdf || site.pdf }

    /// `report.pdf` for the main language, `report.LANG.pdf` for another.
    static func path(for language: String, in languages: SiteLanguages) -> String {
        language == languages.main ? "report.pdf" : "report.\(language).pdf"
    }

    /// Each language's PDF and the hash of the pages it holds (`BuildState.printHashes`): the last
    /// build's PDF when none of its pages changed, else a new one. `results`: the pages' results, in `loaded.pages` order.
    static func files(
        _ loaded: LoadedSite, results: [PageResult], previous: BuildState?, options: BuildOptions
    ) throws(Diagnostics) -> (files: [OutputFile], hashes: [String: String]) {
        var resultByPath: [String: PageResult] = [:]
        for (page, result) in zip(loaded.pages, results) { resultByPath[page.article.path] = result }
        var files: [OutputFile] = []
        var hashes: [String: String] = [:]
        var program: String?
        for language in loaded.languages.all {
            let path = path(for: language, in: loaded.languages)
            let held = pages(of: loaded, in: language)
            var combined = ContentHash.Combining()
            combined.add(InputHashes.rendererVersion)
            combined.add(options.sourceDateEpoch.map(String.init) ?? "")
            // The cover's and the contents' text, which no page need show.
            let site = loaded.site.translated(to: language)
            let words = loaded.setting.words.words(for: language)
            for part in [site.title, site.description, site.author, loaded.dataAsOf, words["contents"], words["data_as_of"]] {
                combined.add(part ?? "")
            }
            for page in held {
                combined.add(page.article.path)
                for file in resultByPath[page.article.path]?.files ?? [] {
                    combined.add(file.path)
                    combined.add(file.hash)
                }
            }
            let hash = combined.finish()
            hashes[path] = hash
            if let previous, previous.printHashes[path] == hash, let kept = previous.outputs[path] {
                files.append(.reused(path: path, hash: kept))
                continue
            }
            guard let found = program ?? WeasyPrint.locate() else {
                throw Diagnostics([Diagnostic(at: SourceLocation(path: "weasyprint"), PrintIssue.weasyPrintMissing)])
            }
            program = found
            files.append(try pdf(of: loaded, pages: held, in: language, program: found, options: options))
        }
        return (files, hashes)
    }

    /// The pages of `language` in the document's order: its home page, its menu, then the rest by `order`, then path.
    static func pages(of loaded: LoadedSite, in language: String) -> [Page] {
        let own = loaded.pages.filter { ($0.translation ?? loaded.languages.main) == language }
        let home = own.filter(\.isIndex)
        let menu = (loaded.navs[language] ?? []).filter { !$0.isIndex }
        let listed = Set((home + menu).map(\.article.path))
        let rest = own.filter { !listed.contains($0.article.path) }.sorted {
            ($0.article.order ?? Int.max, $0.article.path) < ($1.article.order ?? Int.max, $1.article.path)
        }
        return home + menu + rest
    }

    private static func pdf(
        of loaded: LoadedSite, pages: [Page], in language: String, program: String, options: BuildOptions
    ) throws(Diagnostics) -> OutputFile {
        let setting = loaded.setting
        let words = setting.words.words(for: language)
        let renderer = PageRenderer(
            options: MarkdownOptions(allowRawHTML: setting.site.unsafeHTML),
            resolver: LinkResolver(
                published: Set(loaded.pages.map(\.article.path)), drafts: loaded.drafts, rowPages: loaded.rowPages,
                languages: loaded.languages,
                printAnchors: true),
            blocks: BlockRenderer(
                datasets: setting.datasets, queries: setting.queries, language: language, chartWords: ChartWords(words)),
            templates: setting.templates,
            words: words, printing: true)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-print-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var articles: [PrintArticle] = []
        do {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("charts"), withIntermediateDirectories: true)
            for page in pages {
                let rendered = try renderer.render(try page.whole())
                let anchor = PrintDocument.anchor(forPath: page.article.path)
                articles.append(
                    PrintArticle(
                        anchor: anchor, title: page.article.title, html: PrintDocument.anchored(rendered.markdown.html, anchor: anchor)))
                for file in rendered.made.files {
                    guard case .bytes(let bytes) = file.content else { continue }
                    try Data(bytes).write(to: folder.appendingPathComponent(file.path))
                }
            }
        } catch let error as Diagnostics {
            throw error
        } catch {
            throw Diagnostics([
                Diagnostic(at: SourceLocation(path: folder.path), SiteIssue.writeFailed(error.localizedDescription))
            ])
        }
        let site = setting.site.translated(to: language)
        let epoch = options.sourceDateEpoch ?? contentEpoch(pages, dataAsOf: setting.dataAsOf)
        let date = Feeds.isoDate(epoch: epoch)
        let dataAsOf = setting.dataAsOf.map { written in
            (word: words["data_as_of"] ?? "Data as of", date: ISODate(written)?.longText(language: language) ?? written)
        }
        let cover = PrintCover(
            title: site.title, description: site.description, author: site.author, dataAsOf: dataAsOf, language: language,
            contentsWord: words["contents"] ?? "Contents", date: date)
        let input = folder.appendingPathComponent("report.html")
        do {
            try Data(PrintDocument.html(cover: cover, articles: articles).utf8).write(to: input)
        } catch {
            throw Diagnostics([Diagnostic(at: SourceLocation(path: input.path), SiteIssue.writeFailed(error.localizedDescription))])
        }
        do {
            let bytes = try WeasyPrint.render(input: input, program: program, sourceDateEpoch: epoch)
            return OutputFile(path: path(for: language, in: loaded.languages), bytes: bytes)
        } catch {
            throw Diagnostics([error])
        }
    }

    /// SPEC §9: without `SOURCE_DATE_EPOCH`, the newest date in the content (an article's `date`
    /// or `updated`, `data_as_of`), at midnight UTC; 0 when there is none.
    static func contentEpoch(_ pages: [Page], dataAsOf: String?) -> Int {
        let dates =
            pages.flatMap { [$0.article.date, $0.article.updated].compactMap { $0 } } + [dataAsOf.flatMap(ISODate.init)].compactMap { $0 }
        guard let newest = dates.max(by: { ($0.year, $0.month, $0.day) < ($1.year, $1.month, $1.day) }) else { return 0 }
        return daysFromCivil(year: newest.year, month: newest.month, day: newest.day) * 86_400
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm, the inverse of `Feeds.isoDate`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
