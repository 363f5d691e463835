import FolioBlocks
import FolioCore
import Testing

/// Table blocks: columns, labels, formats, alignment, missing cells, sorting, filtering, captions, sources.
@Suite struct TableBlockTests {
    let renderer: BlockRenderer

    init() throws {
        renderer = try Fixture.renderer()
    }

    func table(_ body: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        try FolioBlocksTests.table(body, with: renderer, sourceLocation: sourceLocation)
    }

    /// The `<tbody>` rows as cell texts, for order checks; a table without a body is a test failure.
    func bodyRows(_ html: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        guard let start = html.range(of: "<tbody>\n"), let end = html.range(of: "</tbody>") else {
            Issue.record("no <tbody> in the table", sourceLocation: sourceLocation)
            return []
        }
        return html[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
    }

    @Test func defaultColumnsAreAllColumnsWithLabelsAndUnits() throws {
        let html = try table("data: fin")
        #expect(
            html.contains(
                "<thead><tr><th scope=\"col\" class=\"num\">Year</th><th scope=\"col\" class=\"num\">Revenue</th>"
                    + "<th scope=\"col\" class=\"num\">Net loss</th><th scope=\"col\">Segment</th></tr></thead>"))
        #expect(
            bodyRows(html).first
                == "<tr><td class=\"num\">2022</td><td class=\"num\">$15.8M</td><td class=\"num\">\u{2212}$31.1M</td><td>cloud</td></tr>")
        #expect(html.hasPrefix("<figure class=\"data-table\">\n"))
        #expect(html.hasSuffix("</figure>\n"))
    }

    @Test func columnsLabelsAndFormats() throws {
        let body = """
            data: fin
            columns:
              - {key: year, label: Fiscal year}
              - key: revenue_usd_m
                label: Revenue (USD)
                format: usd_m:1
              - net_loss_usd_m
            """
        let html = try table(body)
        #expect(
            html.contains(
                "<th scope=\"col\" class=\"num\">Fiscal year</th><th scope=\"col\" class=\"num\">Revenue (USD)</th>"
                    + "<th scope=\"col\" class=\"num\">Net loss</th>"))
        #expect(
            bodyRows(html).last
                == "<tr><td class=\"num\">2024</td><td class=\"num\">$1.9B</td><td class=\"num\">\u{2212}$863M</td></tr>")
        #expect(!html.contains("Segment"))
    }

    @Test func numericColumnsWithoutUnitKeepTheirTextAndTextColumnsAreLeftAligned() throws {
        let html = try table("data: counts\ncolumns: [label, year, count]")
        #expect(bodyRows(html).first == "<tr><td>alpha</td><td class=\"num\">2023</td><td class=\"num\">1200</td></tr>")
    }

    @Test func signedAndMultipleFormatsInColumns() throws {
        let html = try table(
            "data: fin\ncolumns:\n  - year\n  - {key: revenue_usd_m, format: usd_m+:1}\n  - {key: net_loss_usd_m, format: multiple}")
        #expect(
            bodyRows(html).first
                == "<tr><td class=\"num\">2022</td><td class=\"num\">+$15.8M</td><td class=\"num\">\u{2212}31.1\u{00D7}</td></tr>")
    }

    @Test func aColumnMayLinkEachCellToAURLFromAnotherColumn() throws {
        let links = Fixture.file(
            "refs.csv", "id,title,url\nS1,SEC filing,https://www.sec.gov/s1\nS2,<Blog>,javascript:alert(1)\nS3,Print only,\n")
        let renderer = try Fixture.renderer([links])
        let html = try FolioBlocksTests.table("data: refs\ncolumns: [id, {key: title, label: Source, link: url}]", with: renderer)
        #expect(
            bodyRows(html) == [
                "<tr><td>S1</td><td><a href=\"https://www.sec.gov/s1\">SEC filing</a></td></tr>",
                // Only a safe URL becomes a link; the text is escaped either way.
                "<tr><td>S2</td><td>&lt;Blog&gt;</td></tr>",
                "<tr><td>S3</td><td>Print only</td></tr>",
            ])
        #expect(
            tableErrors("data: refs\ncolumns: [{key: title, link: href}]", with: renderer) == [
                Diagnostic(at: Article.body(2, 30), BlockIssue.unknownColumn("href", dataset: "refs", known: ["id", "title", "url"]))
            ])
    }

    @Test func missingCellsShowADash() throws {
        let html = try table("data: counts\ncolumns: [label, count]")
        #expect(bodyRows(html)[1] == "<tr><td>beta</td><td class=\"num\">\u{2013}</td></tr>")
        let capex = try table("data: capex")
        #expect(bodyRows(capex).last == "<tr><td>Alphabet</td><td class=\"num\">\u{2013}</td><td class=\"num\">$75B</td></tr>")
    }

    @Test func sortDescendingByNumberWithMissingLast() throws {
        let html = try table("data: counts\ncolumns: [label, count]\nsort: {key: count, order: desc}")
        #expect(bodyRows(html).map { $0.prefix(16) } == ["<tr><td>alpha</t", "<tr><td>gamma</t", "<tr><td>beta</td"])
        let ascending = try table("data: counts\ncolumns: [label, count]\nsort: {key: count}")
        #expect(bodyRows(ascending).map { $0.prefix(16) } == ["<tr><td>gamma</t", "<tr><td>alpha</t", "<tr><td>beta</td"])
        let byText = try table("data: fin\ncolumns: [year]\nsort: {key: revenue_usd_m, order: desc}")
        #expect(bodyRows(byText).map { $0.dropFirst(20).prefix(4) } == ["2024", "2023", "2022"])
    }

    @Test func sortComparesNumbersAsNumbers() throws {
        let library = try Fixture.library([Fixture.file("n.csv", "k,v\na,9\nb,10\nc,100\n")])
        let html = try FolioBlocksTests.table("data: n\nsort: v", with: BlockRenderer(datasets: library))
        #expect(bodyRows(html).map { $0.prefix(12) } == ["<tr><td>a</t", "<tr><td>b</t", "<tr><td>c</t"])
    }

    @Test func whereFiltersRows() throws {
        let html = try table("data: counts\ncolumns: [label]\nwhere: {measure: single customer, year: 2024.0}")
        #expect(bodyRows(html) == ["<tr><td>beta</td></tr>"])
    }

    @Test func captionAndSourceLine() throws {
        let html = try table("data: fin\ncolumns: [year]\ncaption: Revenue & losses")
        #expect(html.contains("<caption>Revenue &amp; losses</caption>"))
        #expect(html.contains("<p class=\"chart-source\">Source: <a href=\"https://www.sec.gov/s1\">CoreWeave S-1</a> (2025-03-03).</p>"))
        let own = try table("data: fin\ncolumns: [year]\nsource: {title: Own count, date: 2025}")
        #expect(own.contains("<p class=\"chart-source\">Source: Own count (2025).</p>"))
        #expect(!own.contains("CoreWeave"))
        let none = try table("data: counts")
        #expect(!none.contains("chart-source"))
    }

    @Test func inlineCSVTable() throws {
        let html = try table("csv: |\n  name,share\n  A,62\n  B,38\ncolumns: [{key: share, format: percent}, name]")
        #expect(bodyRows(html) == ["<tr><td class=\"num\">62%</td><td>A</td></tr>", "<tr><td class=\"num\">38%</td><td>B</td></tr>"])
    }
}
