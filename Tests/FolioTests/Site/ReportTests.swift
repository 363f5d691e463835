import Folio
import FolioFormat
import Foundation
import Testing

/// The bundled report itself: `Content/` and `Templates/` of this repository, copied into a temporary
/// folder and built there. Its key figures must come from the datasets, as inline values in `<data>`
/// elements, so that correcting a cell corrects every page that quotes it. The tests read what each
/// page should show from the datasets and the articles' front matter, never from a copy of the prose.
@Suite struct ReportTests {
    static let netLoss2024 = KeyFigure(
        "losses-and-debt.html", "coreweave_financials", row: [("year", "2024")], columns: ["net_loss_usd_m"], format: .usdM)
    static let microsoftShare2024 = KeyFigure(
        "customer-concentration.html", "customer_concentration", row: [("period", "2024"), ("customer", "Microsoft")],
        columns: ["share_of_revenue_pct"], format: .percent)

    /// The key figures of issue 4, each on the page that argues it, bound to its cell.
    static let keyFigures: [KeyFigure] = [
        microsoftShare2024,
        netLoss2024,
        KeyFigure("ipo.html", "ipo_timeline", row: [("date", "2025-03-27")], columns: ["target_raise_usd_b"], format: .usdB),
        KeyFigure("ipo.html", "ipo_timeline", row: [("date", "2025-03-27")], columns: ["share_price_usd"], format: .usd),
        KeyFigure("capex-boom.html", "capex_2025", row: [("company", "Microsoft")], columns: ["high_usd_b"], format: .usdB),
        KeyFigure("capex-boom.html", "capex_2025", row: [("company", "Meta")], columns: ["low_usd_b", "high_usd_b"], format: .usdB),
        KeyFigure("capex-boom.html", "capex_2025", row: [("horizon_years", "4")], columns: ["high_usd_b"], format: .usdB),
    ]

    @Test(arguments: keyFigures)
    func keyFigureIsAnInlineValueOnItsPage(figure: KeyFigure) throws {
        let report = try BuiltReport()
        defer { report.remove() }
        let cells = try report.cells(of: figure)
        #expect(try report.pagesQuoting(figure).contains(figure.page), "\(figure.page) is not written with \(figure.expression)")
        let html = try report.page(figure.page)
        let expected = try figure.html(cells)
        #expect(html.contains(expected), "\(figure.page) has no \(expected)")
    }

    @Test func editingADataCellChangesEveryPageThatQuotesIt() throws {
        let report = try BuiltReport()
        defer { report.remove() }
        // Each edit moves its figure far enough that the formatted text changes too.
        let edits: [(figure: KeyFigure, new: [String])] = [(Self.netLoss2024, ["-900.2"]), (Self.microsoftShare2024, ["58"])]
        var checks: [(figure: KeyFigure, pages: [String], chinese: [String], old: [String], new: [String])] = []
        for (figure, new) in edits {
            let old = try report.cells(of: figure)
            try #require(try figure.shown(old) != figure.shown(new), "the edit of \(figure.expression) would not show")
            let pages = try report.pagesQuoting(figure)
            try #require(pages.contains(figure.page) && pages.count > 1, "\(figure.expression) is quoted only on \(pages)")
            // The Chinese edition quotes it too, written the Chinese way.
            let chinese = try report.pagesQuoting(figure, in: "zh")
            try #require(chinese.contains("zh/" + figure.page), "\(figure.expression) is not quoted on zh/\(figure.page)")
            for page in pages {
                #expect(try report.page(page).contains(try figure.html(old)), "\(page) does not show \(figure.expression) before the edit")
            }
            for page in chinese {
                #expect(try report.page(page).contains(try figure.html(old, in: .chinese)), "\(page) does not show \(figure.expression)")
            }
            try report.setCells(of: figure, to: new)
            #expect(try report.cells(of: figure) == new)
            checks.append((figure, pages, chinese, old, new))
        }
        try report.build()

        for (figure, pages, chinese, old, new) in checks {
            for (page, language) in pages.map({ ($0, NumberLanguage.english) }) + chinese.map({ ($0, NumberLanguage.chinese) }) {
                let html = try report.page(page)
                #expect(html.contains(try figure.html(new, in: language)), "\(page) does not show the edited \(figure.expression)")
                #expect(!html.contains("<data value=\"\(old.joined(separator: ".."))\">"), "\(page) still quotes the old cell")
            }
            // `−$863M` → `863M`: the figure without its sign and currency, as a chart label or table cell also shows it.
            let oldShown = try figure.shown(old)
            let oldDigits = String(oldShown.drop { !$0.isNumber })
            try #require(!oldDigits.isEmpty)
            // Not in the prose, a chart label or a table, on any page: nothing still says the old figure.
            for page in try report.pages() {
                #expect(!(try report.page(page)).contains(oldDigits), "\(page) still shows \(oldShown): is it written out, not bound?")
            }
            // Nor on a Chinese page, in its own way of writing it (`−8.63亿美元` → `8.63亿美元`).
            let oldChinese = String(try figure.shown(old, in: .chinese).drop { !$0.isNumber })
            for page in try report.pagesInEveryLanguage() where page.hasPrefix("zh/") {
                #expect(!(try report.page(page)).contains(oldChinese), "\(page) still shows \(oldChinese): is it written out, not bound?")
            }
        }
    }

    @Test func everyChartAndTableHasASourceLine() throws {
        let report = try BuiltReport()
        defer { report.remove() }
        var charts = 0
        for page in try report.pages() {
            let html = try report.page(page)
            for figure in Self.elements(in: html, from: "<figure class=\"chart\"", to: "</figure>") {
                charts += 1
                // "Source: " for one source, "Sources: " for several (sources per row).
                let source = Self.elements(in: figure, from: "<p class=\"chart-source\">Source", to: "</p>")
                #expect(source.count == 1, "\(page): a chart without exactly one source line")
                // The source line sits under the chart, not above it.
                expectOrder("</svg>", before: "class=\"chart-source\"", in: figure)
                #expect(figure.contains(".csv\" download>Get the data</a>"), "\(page): a chart without its data download")
            }
            for table in Self.elements(in: html, from: "<figure class=\"data-table\">", to: "</figure>") {
                #expect(table.contains("<p class=\"chart-source\">Source"), "\(page): a table without a source line")
            }
        }
        #expect(charts >= 10, "the report should carry its charts; found \(charts)")
    }

    @Test func everyPageHasTheFaviconAndReadsAsAPublication() throws {
        let report = try BuiltReport()
        defer { report.remove() }
        let pages = try report.pages()
        let articles = try report.articles()
        #expect(pages == (articles.map(\.page) + ["index.html"]).sorted(), "every article and only the articles are built")
        var dataAsOf = try #require(try report.siteSetting("data_as_of"), "site.yml has no data_as_of")
        if dataAsOf.hasPrefix("=") {
            // Computed (issue 12): the newest dated source, read here from the data itself.
            #expect(dataAsOf == "=max(sources.date[date>=2000])")
            let sources = try report.dataset("sources")
            let column = try #require(sources.header.firstIndex(of: "date"))
            dataAsOf = try #require(sources.rows.map { $0[column] }.filter { $0 >= "2000" }.max())
        }
        for page in pages {
            let html = try report.page(page)
            #expect(html.contains("<link rel=\"icon\" href=\"assets/favicon.svg\" type=\"image/svg+xml\">"), "\(page)")
            #expect(html.contains("Data as of <time datetime=\"\(dataAsOf)\">"), "\(page) does not say when the data is from")
            #expect(!html.contains("<script"), "\(page) needs no JavaScript")
            if page != "index.html" {
                #expect(html.contains("<section class=\"sources\""), "\(page) has no sources at its foot")
                #expect(html.contains("class=\"pager-previous\"") || html.contains("class=\"pager-next\""), "\(page) has no previous/next")
            }
        }
        // The 404 page is served at any depth, so its icon is inline.
        let notFound = try report.page("404.html")
        #expect(notFound.contains("<link rel=\"icon\" href=\"data:image/svg+xml,"))
        // Long articles get a table of contents.
        #expect(try report.page("losses-and-debt.html").contains("<nav class=\"toc\""))
    }

    /// The masthead names each page of `site.yml`'s `nav` by the `nav_title` of its front matter
    /// (its `title` when it has none), and marks the page it is on.
    @Test func theMastheadUsesEachArticlesNavigationTitle() throws {
        let report = try BuiltReport()
        defer { report.remove() }
        let nav = try report.siteNav()
        try #require(!nav.isEmpty, "site.yml lists no navigation")
        let articles = try report.articles()
        for source in nav {
            let article = try #require(articles.first { $0.source == source }, "site.yml's nav lists \(source), which is no article")
            let name = try #require(article.frontMatter["nav_title"] ?? article.frontMatter["title"], "\(source) has no title")
            let html = try report.page(article.page)
            let current = "<li><a href=\"\(article.page)\" aria-current=\"page\">\(Self.escaped(name))</a></li>"
            #expect(html.contains(current), "\(article.page) does not mark itself as \(current)")
            // The language switcher marks the page's own language too; the menu marks one page.
            let marked = html.components(separatedBy: "aria-current=\"page\"").count - 1
            let languages = html.components(separatedBy: "\" aria-current=\"page\">English").count - 1
            #expect(marked - languages == 1, "\(article.page) marks more than one page")
            // Every other page of the menu is linked by its own name, unmarked.
            let index = try report.page("index.html")
            #expect(index.contains("<li><a href=\"\(article.page)\">\(Self.escaped(name))</a></li>"), "index.html's menu lacks \(name)")
        }
    }

    @Test func everyMarkdownLinkBecameAnHTMLLink() throws {
        let report = try BuiltReport()
        defer { report.remove() }
        let pages = try report.everyPage()
        var internalLinks = 0
        for page in pages {
            let html = try report.page(page)
            for href in Self.hrefs(in: html) where !href.contains("://") && !href.hasPrefix("mailto:") {
                let path = Self.withoutFragment(href)
                #expect(!path.hasSuffix(".md"), "\(page) links to \(href)")
                if path.hasSuffix(".html") {
                    internalLinks += 1
                    let target = Self.resolved(path, from: page)
                    #expect(pages.contains(target), "\(page) links to \(href) (\(target)), which was not built")
                }
            }
        }
        #expect(internalLinks > 0)
    }

    /// The capex page's last table links each hyperscaler to its page made from data (SPEC §2).
    @Test func eachHyperscalerHasAPageLinkedFromTheCapexTable() throws {
        let report = try BuiltReport()
        defer { report.remove() }
        #expect(
            try report.companyPages() == [
                "companies/alphabet.html", "companies/amazon.html", "companies/meta.html", "companies/microsoft.html",
            ])
        let capex = try report.page("capex-boom.html")
        for company in ["Amazon", "Alphabet", "Microsoft", "Meta"] {
            #expect(capex.contains("<td><a href=\"companies/\(company.lowercased()).html\">\(company)</a></td>"), "\(company)")
        }
        let meta = try report.page("companies/meta.html")
        #expect(meta.contains("It reported spending <data value=\"72.2\">$72.2B</data>"))
        #expect(meta.contains("<h1>Meta: the 2025 plan, the spending and 2026</h1>"))
    }

    /// The landing page links every published article that has an `order:` and every article its
    /// Markdown links to.
    @Test func theLandingPageLinksEveryArticle() throws {
        let report = try BuiltReport()
        defer { report.remove() }
        let articles = try report.articles()
        let ordered = articles.filter { $0.frontMatter["order"] != nil && $0.frontMatter["draft"] != "true" }.map(\.source)
        let linked = try report.markdownLinks(in: "index.md")
        try #require(!ordered.isEmpty && !linked.isEmpty, "no articles to look for")
        // The article's own text, not the masthead or the pager, which link the articles on every page.
        let bodies = Self.elements(in: try report.page("index.html"), from: "<div class=\"prose\">", to: "</article>")
        try #require(bodies.count == 1, "index.html has \(bodies.count) article bodies")
        for source in Set(ordered).union(linked).sorted() {
            let article = try #require(articles.first { $0.source == source }, "index.md links to \(source), which is no article")
            #expect(bodies[0].contains("<a href=\"\(article.page)\">"), "index.html's text does not link to \(article.page)")
        }
    }

    // MARK: - Helpers

    /// Every piece of `html` that starts with `start` and runs to the first `end` after it.
    static func elements(in html: some StringProtocol, from start: String, to end: String) -> [Substring] {
        var found: [Substring] = []
        var rest = Substring(html)
        while let open = rest.range(of: start) {
            let close = rest[open.upperBound...].range(of: end)?.upperBound ?? rest.endIndex
            found.append(rest[open.lowerBound..<close])
            rest = rest[close...]
        }
        return found
    }

    /// The value of every `href="…"` in `html`.
    static func hrefs(in html: String) -> [String] {
        elements(in: html, from: "href=\"", to: "\"").map { String($0.dropFirst("href=\"".count).dropLast()) }
    }

    static func withoutFragment(_ link: String) -> String {
        String(link.prefix { $0 != "#" })
    }

    /// A relative link of the page at `page` (relative to `Output/`), relative to `Output/`: `../ipo.html` from `zh/nvidia.html` is `ipo.html`.
    static func resolved(_ link: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in link.split(separator: "/") {
            if part == ".." {
                parts = parts.dropLast()
            } else if part != "." {
                parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// Text as the theme escapes it into HTML.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}

/// A figure the report quotes, as the data binds it: the page that argues it, and the cell (or
/// low–high pair of cells) of a dataset in `Content/data/` it shows.
struct KeyFigure: Sendable, CustomTestStringConvertible {
    struct Selector: Sendable {
        var column: String
        var value: String
    }

    var page: String
    /// The dataset's name: `Content/data/NAME.csv`.
    var dataset: String
    /// The row: the one whose cells in these columns are exactly these values.
    var row: [Selector]
    /// One column, or the low and high columns of a range.
    var columns: [String]
    var format: NumberFormat

    init(_ page: String, _ dataset: String, row: [(String, String)], columns: [String], format: NumberFormat.Kind) {
        self.page = page
        self.dataset = dataset
        self.row = row.map { Selector(column: $0.0, value: $0.1) }
        self.columns = columns
        self.format = NumberFormat(format)
    }

    /// The inline value as an article writes it, up to its format: `=coreweave_financials.net_loss_usd_m[year=2024]`.
    var expression: String {
        "=\(dataset).\(columns.joined(separator: ".."))" + row.map { "[\($0.column)=\($0.value)]" }.joined()
    }

    var testDescription: String { "\(page): \(expression)" }

    /// What the page shows for `cells`, by the format rules of the page's `language`.
    func shown(_ cells: [String], in language: NumberLanguage = .english) throws -> String {
        let numbers = try cells.map { cell in try #require(Double(cell), "\(expression): '\(cell)' is not a number") }
        try #require(numbers.count == columns.count)
        let format = format.written(in: language)
        return numbers.count == 2 ? format.formatRange(numbers[0], numbers[1]) : format.format(numbers[0])
    }

    /// The `<data>` element an inline value of `cells` becomes on a page in `language`.
    func html(_ cells: [String], in language: NumberLanguage = .english) throws -> String {
        let shown = try shown(cells, in: language)
        return "<data value=\"\(ReportTests.escaped(cells.joined(separator: "..")))\">\(ReportTests.escaped(shown))</data>"
    }
}

/// An article of the copy: its path in Content/, the page it becomes and its top-level front matter.
struct ReportArticle {
    var source: String
    var page: String
    var frontMatter: [String: String]
}

/// A copy of the repository's `Content/` and `Templates/` in a temporary folder, built into its `Output/`.
struct BuiltReport {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(
                at: Self.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        try build()
    }

    func build() throws {
        _ = try Build.run(ProjectLayout(base: root))
    }

    var content: URL { root.appendingPathComponent("Content") }

    /// The built page at `path`, relative to `Output/`.
    func page(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("Output").appendingPathComponent(path), encoding: .utf8)
    }

    /// The top-level pages of the built site.
    /// The pages made from data in `companies/`.
    /// Every built page at any depth (`zh/companies/meta.html`), relative to `Output/`, but the 404 page.
    func everyPage() throws -> [String] {
        let output = root.appendingPathComponent("Output").standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: output) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") && $0 != "404.html" }.sorted()
    }

    func companyPages() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Output/companies").path)
            .filter { $0.hasSuffix(".html") }.map { "companies/" + $0 }.sorted()
    }

    func pages() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Output").path)
            .filter { $0.hasSuffix(".html") && $0 != "404.html" }.sorted()
    }

    // MARK: Articles

    /// The built pages of the site and of its other languages' folders (`zh/ipo.html`), relative to `Output/`.
    func pagesInEveryLanguage() throws -> [String] {
        let output = root.appendingPathComponent("Output")
        let folders = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: output.appendingPathComponent(name).path, isDirectory: &isFolder)
                && isFolder.boolValue && FileManager.default.fileExists(atPath: output.appendingPathComponent("\(name)/index.html").path)
        }
        let translated = try folders.flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".html") && $0 != "404.html" }.map { "\(folder)/\($0)" }
        }
        return try (pages() + translated).sorted()
    }

    /// The Markdown files of Content/ written in another language (`ipo.zh.md`), by name.
    func translations() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: content.path).filter { Self.isTranslation($0) }.sorted()
    }

    /// `ipo.zh.md`: a page's name, a language and `.md`.
    static func isTranslation(_ name: String) -> Bool {
        name.hasSuffix(".md") && name.dropLast(".md".count).contains(".")
    }

    /// Every article of the copy in the main language but the landing page (the report keeps them at the top of Content/).
    func articles() throws -> [ReportArticle] {
        try FileManager.default.contentsOfDirectory(atPath: content.path)
            .filter { $0.hasSuffix(".md") && $0 != "index.md" && !Self.isTranslation($0) }.sorted()
            .map { name in
                ReportArticle(
                    source: name, page: String(name.dropLast(".md".count)) + ".html",
                    frontMatter: try Self.frontMatter(
                        of: try String(contentsOf: content.appendingPathComponent(name), encoding: .utf8), name))
            }
    }

    /// The top-level `key: value` lines between an article's `---` fences, quotes removed.
    static func frontMatter(of text: String, _ name: String) throws -> [String: String] {
        let lines = text.components(separatedBy: "\n")
        try #require(lines.first == "---", "\(name) has no front matter")
        let end = try #require(lines.dropFirst().firstIndex(of: "---"), "\(name)'s front matter is not closed")
        var fields: [String: String] = [:]
        for line in lines[1..<end] where !line.hasPrefix(" ") && !line.hasPrefix("#") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            fields[key] = value
        }
        return fields
    }

    /// A top-level `key: value` of `Content/site.yml`.
    func siteSetting(_ key: String) throws -> String? {
        let text = try String(contentsOf: content.appendingPathComponent("site.yml"), encoding: .utf8)
        return try Self.frontMatter(of: "---\n" + text + "\n---\n", "site.yml")[key]
    }

    /// The articles `site.yml`'s `nav:` lists, as `- path.md` lines.
    func siteNav() throws -> [String] {
        let text = try String(contentsOf: content.appendingPathComponent("site.yml"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "nav:"), "site.yml has no nav")
        return lines[(start + 1)...].prefix { $0.hasPrefix("  - ") }.map { String($0.dropFirst("  - ".count)) }
    }

    /// The `.md` files an article's Markdown links to (`[text](path.md#part)`), without their fragments.
    func markdownLinks(in article: String) throws -> Set<String> {
        let text = try String(contentsOf: content.appendingPathComponent(article), encoding: .utf8)
        let targets = ReportTests.elements(in: text, from: "](", to: ")").map { String($0.dropFirst(2).dropLast()) }
        return Set(targets.map(ReportTests.withoutFragment).filter { $0.hasSuffix(".md") && !$0.contains("://") })
    }

    /// The built pages whose articles quote `figure` as an inline value: the main language's, or
    /// `translation`'s (`zh`: `ipo.zh.md` → `zh/ipo.html`).
    func pagesQuoting(_ figure: KeyFigure, in translation: String? = nil) throws -> [String] {
        let suffix = translation.map { ".\($0).md" } ?? ".md"
        let names = try FileManager.default.contentsOfDirectory(atPath: content.path)
            .filter { $0.hasSuffix(suffix) && (translation != nil || !Self.isTranslation($0)) }.sorted()
        return try names.filter { name in
            let text = try String(contentsOf: content.appendingPathComponent(name), encoding: .utf8)
            return text.contains("`\(figure.expression)|") || text.contains("`\(figure.expression)`")
        }
        .map { (translation.map { $0 + "/" } ?? "") + String($0.dropLast(suffix.count)) + ".html" }
    }

    // MARK: Datasets

    /// The header and records of `Content/data/NAME.csv` (RFC 4180: quoted fields, `""` inside them).
    func dataset(_ name: String) throws -> (header: [String], rows: [[String]]) {
        let text = try String(contentsOf: content.appendingPathComponent("data/\(name).csv"), encoding: .utf8)
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if quoted {
                if character != "\"" {
                    field.append(character)
                } else if index < characters.count, characters[index] == "\"" {
                    field.append("\"")  // `""` inside quotes
                    index += 1
                } else {
                    quoted = false
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\n", "\r\n":
                records.append(record + [field])
                record = []
                field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !record.isEmpty { records.append(record + [field]) }
        let header = try #require(records.first, "\(name).csv is empty")
        for (number, row) in records.enumerated() {
            try #require(row.count == header.count, "\(name).csv record \(number + 1) has \(row.count) fields")
        }
        return (header, Array(records.dropFirst()))
    }

    /// The index of the one row `figure` selects, and its columns' indices.
    private func locate(_ figure: KeyFigure) throws -> (header: [String], rows: [[String]], row: Int, columns: [Int]) {
        let (header, rows) = try dataset(figure.dataset)
        func column(_ name: String) throws -> Int {
            try #require(header.firstIndex(of: name), "\(figure.dataset).csv has no column \(name)")
        }
        let selectors = try figure.row.map { (index: try column($0.column), value: $0.value) }
        let matches = rows.indices.filter { row in selectors.allSatisfy { rows[row][$0.index] == $0.value } }
        try #require(matches.count == 1, "\(figure.expression) selects \(matches.count) rows of \(figure.dataset).csv")
        return (header, rows, matches[0], try figure.columns.map(column))
    }

    /// The cells `figure` shows, as written in the copy's dataset.
    func cells(of figure: KeyFigure) throws -> [String] {
        let found = try locate(figure)
        let cells = found.columns.map { found.rows[found.row][$0] }
        try #require(cells.allSatisfy { !$0.isEmpty }, "\(figure.expression) is an empty cell")
        return cells
    }

    /// Writes `cells` into the copy's dataset where `figure` reads them; every other cell stays as it was.
    func setCells(of figure: KeyFigure, to cells: [String]) throws {
        var found = try locate(figure)
        try #require(cells.count == found.columns.count)
        for (column, cell) in zip(found.columns, cells) { found.rows[found.row][column] = cell }
        func quoted(_ field: String) -> String {
            field.contains { ",\"\n\r".contains($0) } ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }
        let text = ([found.header] + found.rows).map { $0.map(quoted).joined(separator: ",") + "\n" }.joined()
        try text.write(to: content.appendingPathComponent("data/\(figure.dataset).csv"), atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
