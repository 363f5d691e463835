import Folio
import Foundation
import Testing

/// The bundled report itself: `Content/` and `Templates/` of this repository, copied into a temporary
/// folder and built there. Its key figures must come from the datasets, as inline values in `<data>`
/// elements, so that correcting a cell corrects every page that quotes it.
@Suite struct ReportTests {
    /// The key figures of issue 4, each on the page that argues it, formatted as SPEC §4–5 says.
    static let keyFigures: [(page: String, data: String)] = [
        ("customer-concentration.html", "<data value=\"62\">62%</data>"),
        ("losses-and-debt.html", "<data value=\"-863.4\">\u{2212}$863M</data>"),
        ("ipo.html", "<data value=\"1.5\">$1.5B</data>"),
        ("ipo.html", "<data value=\"40\">$40</data>"),
        ("capex-boom.html", "<data value=\"80\">$80B</data>"),
        ("capex-boom.html", "<data value=\"60..65\">$60\u{2013}65B</data>"),
        ("capex-boom.html", "<data value=\"500\">$500B</data>"),
    ]

    @Test(arguments: keyFigures)
    func keyFigureIsAnInlineValueOnItsPage(page: String, data: String) throws {
        let report = try BuiltReport()
        defer { report.remove() }
        let html = try report.page(page)
        #expect(html.contains(data), "\(page) has no \(data)")
    }

    @Test func editingADataCellChangesEveryPageThatQuotesIt() throws {
        let report = try BuiltReport()
        defer { report.remove() }
        let before = try report.page("losses-and-debt.html")
        #expect(before.contains("<data value=\"-863.4\">\u{2212}$863M</data>"))

        try report.replaceCell(in: "coreweave_financials.csv", row: "2024,1915.4,-863.4,", with: "2024,1915.4,-900.2,")
        try report.replaceCell(in: "customer_concentration.csv", row: "2024,Microsoft,62,", with: "2024,Microsoft,58,")
        try report.build()

        for page in ["losses-and-debt.html", "index.html"] {
            let html = try report.page(page)
            #expect(html.contains("<data value=\"-900.2\">\u{2212}$900M</data>"), "\(page) does not show the edited net loss")
            // Not in the prose, a chart label or a table: nothing on the page still says the old figure.
            #expect(!html.contains("863M"), "\(page) still shows the old net loss")
            #expect(!html.contains("-863.4"), "\(page) still carries the old value")
        }
        for page in ["customer-concentration.html", "index.html"] {
            let html = try report.page(page)
            #expect(html.contains("<data value=\"58\">58%</data>"), "\(page) does not show the edited share")
            #expect(!html.contains("<data value=\"62\">"), "\(page) still quotes the old share")
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
                let source = Self.elements(in: figure, from: "<p class=\"chart-source\">Source: ", to: "</p>")
                #expect(source.count == 1, "\(page): a chart without exactly one source line")
                // The source line sits under the chart, not above it.
                if let svg = figure.range(of: "</svg>"), let line = figure.range(of: "class=\"chart-source\"") {
                    #expect(svg.upperBound <= line.lowerBound, "\(page): the source line is above its chart")
                }
                #expect(figure.contains(".csv\" download>Get the data</a>"), "\(page): a chart without its data download")
            }
            for table in Self.elements(in: html, from: "<figure class=\"data-table\">", to: "</figure>") {
                #expect(table.contains("<p class=\"chart-source\">Source: "), "\(page): a table without a source line")
            }
        }
        #expect(charts >= 10, "the report should carry its charts; found \(charts)")
    }

    @Test func everyPageHasTheFaviconAndReadsAsAPublication() throws {
        let report = try BuiltReport()
        defer { report.remove() }
        let pages = try report.pages()
        #expect(pages.count >= 9)
        for page in pages {
            let html = try report.page(page)
            #expect(html.contains("<link rel=\"icon\" href=\"assets/favicon.svg\" type=\"image/svg+xml\">"), "\(page)")
            #expect(html.contains("Data as of <time datetime=\"2026-04-15\">"), "\(page) does not say when the data is from")
            #expect(!html.contains("<script"), "\(page) needs no JavaScript")
            if page != "index.html" {
                #expect(html.contains("<section class=\"sources\""), "\(page) has no sources at its foot")
                #expect(html.contains("class=\"pager-previous\"") || html.contains("class=\"pager-next\""), "\(page) has no previous/next")
            }
        }
        // The 404 page is served at any depth, so its icon is inline.
        let notFound = try report.page("404.html")
        #expect(notFound.contains("<link rel=\"icon\" href=\"data:image/svg+xml,"))
        // Long articles get a table of contents; the masthead uses the short navigation titles.
        let losses = try report.page("losses-and-debt.html")
        #expect(losses.contains("<nav class=\"toc\""))
        #expect(losses.contains("<li><a href=\"losses-and-debt.html\" aria-current=\"page\">Losses and debt</a></li>"))
    }

    @Test func everyMarkdownLinkBecameAnHTMLLink() throws {
        let report = try BuiltReport()
        defer { report.remove() }
        let pages = try report.pages()
        var internalLinks = 0
        for page in pages {
            let html = try report.page(page)
            for href in Self.hrefs(in: html) where !href.contains("://") && !href.hasPrefix("mailto:") {
                let path = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
                #expect(!path.hasSuffix(".md"), "\(page) links to \(href)")
                if path.hasSuffix(".html") {
                    internalLinks += 1
                    #expect(pages.contains(path), "\(page) links to \(href), which was not built")
                }
            }
        }
        #expect(internalLinks > 0)
        // The landing page's article list points at the built articles.
        let index = try report.page("index.html")
        for article in ["ipo", "losses-and-debt", "customer-concentration", "nvidia", "governance", "capex-boom", "claims-check"] {
            #expect(index.contains("<a href=\"\(article).html\">"), "index.html does not link to \(article).html")
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

    /// The built page at `path`, relative to `Output/`.
    func page(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("Output").appendingPathComponent(path), encoding: .utf8)
    }

    /// The top-level pages of the built site.
    func pages() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Output").path)
            .filter { $0.hasSuffix(".html") && $0 != "404.html" }.sorted()
    }

    /// Replaces one row prefix in a dataset of the copy; the row must be there exactly once.
    func replaceCell(in dataset: String, row: String, with replacement: String) throws {
        let url = root.appendingPathComponent("Content/data").appendingPathComponent(dataset)
        let text = try String(contentsOf: url, encoding: .utf8)
        try #require(text.components(separatedBy: "\n").filter { $0.hasPrefix(row) }.count == 1, "\(dataset) has no single row \(row)")
        let lines = text.components(separatedBy: "\n").map { $0.hasPrefix(row) ? replacement + $0.dropFirst(row.count) : $0 }
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
