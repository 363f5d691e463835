import Folio
import FolioCore
import FolioQuery
import Foundation
import Testing

/// A derived dataset through a whole site: read by a chart, a table and an inline value, and
/// followed by every page when the data it reads is edited.
@Suite struct DerivedDatasetSiteTests {
    static let project = """
        -- Content/site.yml --
        title: Report
        -- Content/data/quarterly.csv --
        year,quarter,revenue_usd_m
        2024,Q1,188.7
        2024,Q2,395.4
        2025,Q1,981.6
        2025,Q2,1212.8
        -- Content/data/quarterly.meta.yml --
        title: Quarterly results
        units: {revenue_usd_m: USD millions}
        -- Content/data/annual.sql --
        -- Revenue per year, from the quarters.
        SELECT year, sum(revenue_usd_m) AS revenue_usd_m
        FROM quarterly
        GROUP BY year
        ORDER BY year
        -- Content/data/annual.meta.yml --
        units: {revenue_usd_m: USD millions}
        -- Content/index.md --
        ---
        title: Home
        ---
        Revenue in 2025 was `=annual.revenue_usd_m[year=2025]`.

        ```chart
        type: bar
        data: annual
        x: year
        y: revenue_usd_m
        title: Revenue per year
        ```

        ```table
        data: annual
        ```
        -- Content/growth.md --
        ---
        title: Growth
        ---
        ```table
        sql: |
          SELECT quarter, revenue_usd_m
          FROM quarterly WHERE year = 2025
          ORDER BY quarter
        columns: [{key: quarter, label: Quarter}, {key: revenue_usd_m, format: usd_m}]
        ```
        -- Content/other.md --
        ---
        title: Other
        ---
        No numbers here.
        """

    @Test func aDerivedDatasetFeedsAChartATableAndAnInlineValue() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        let summary = try site.build()
        #expect(summary.charts == 1 && summary.tables == 2)
        let index = site.read("Output/index.html")
        #expect(index.contains("Revenue in 2025 was <data value=\"2194.4\">$2.19B</data>."))
        #expect(index.contains("<td class=\"num\">$584M</td>"))
        #expect(site.read("Output/charts/index.chart-1.csv") == "year,revenue_usd_m\r\n2024,584.1\r\n2025,2194.4\r\n")
    }

    @Test func editingTheDataADerivedDatasetReadsRerendersThePagesThatUseIt() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        let csv = site.read("Content/data/quarterly.csv").replacingOccurrences(of: "2025,Q2,1212.8", with: "2025,Q2,1300")
        try site.write("Content/data/quarterly.csv", csv)
        let summary = try site.build()
        // The page reading `annual` and the page whose own query reads `quarterly`; not the page without numbers.
        #expect(summary.rendered == ["Content/growth.md", "Content/index.md"])
        #expect(site.read("Output/index.html").contains("Revenue in 2025 was <data value=\"2281.6\">$2.28B</data>."))
        #expect(summary.changes.contains { $0.contains("2194.4") || $0.contains("$2.19B") })

        try site.write(
            "Content/data/annual.sql", "SELECT year, max(revenue_usd_m) AS revenue_usd_m FROM quarterly GROUP BY year ORDER BY year")
        let again = try site.build()
        #expect(again.rendered == ["Content/index.md"])
        #expect(site.read("Output/index.html").contains("Revenue in 2025 was <data value=\"1300\">$1.3B</data>."))
    }

    @Test func aBlocksOwnQueryDrawsItsRowsAndFollowsTheData() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        let page = site.read("Output/growth.html")
        #expect(page.contains("<tr><td>Q1</td><td class=\"num\">$982M</td></tr>"))
        #expect(page.contains("<tr><td>Q2</td><td class=\"num\">$1.21B</td></tr>"))
        let csv = site.read("Content/data/quarterly.csv").replacingOccurrences(of: "2025,Q2,1212.8", with: "2025,Q2,1300")
        try site.write("Content/data/quarterly.csv", csv)
        let summary = try site.build()
        #expect(summary.rendered == ["Content/growth.md", "Content/index.md"])
        #expect(site.read("Output/growth.html").contains("<tr><td>Q2</td><td class=\"num\">$1.3B</td></tr>"))
    }

    @Test func anErrorInABlocksQueryIsAtItsLineAndColumnInTheArticle() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.write(
            "Content/growth.md", "---\ntitle: Growth\n---\n```table\nsql: |\n  SELECT quarter,\n    revenu_usd_m FROM quarterly\n```\n")
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/growth.md", line: 7, column: 5),
                    QueryIssue.unknownColumn("revenu_usd_m", known: ["year", "quarter", "revenue_usd_m"]))
            ])
    }

    @Test func aBrokenQueryStopsTheBuildAtItsLineAndKeepsTheOutput() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        let before = site.tree()
        try site.write("Content/data/annual.sql", "SELECT year,\n  sum(revenue) AS revenue_usd_m\nFROM quarterly GROUP BY year")
        let errors = site.errors()
        #expect(errors.map(\.location) == [SourceLocation(path: "Content/data/annual.sql", line: 2, column: 7)])
        #expect(site.tree() == before)
    }
}

/// A build runs exactly the derived datasets whose inputs changed; the others come from the last build.
@Suite struct DerivedDatasetReuseTests {
    static let project = """
        -- Content/site.yml --
        title: Report
        -- Content/data/sales.csv --
        year,usd_m
        2024,100
        2025,150
        -- Content/data/costs.csv --
        year,usd_m
        2024,80
        2025,90
        -- Content/data/sales_total.sql --
        SELECT sum(usd_m) AS usd_m FROM sales
        -- Content/data/cost_total.sql --
        SELECT sum(usd_m) AS usd_m FROM costs
        -- Content/data/margin.sql --
        SELECT s.usd_m - c.usd_m AS usd_m FROM sales_total AS s, cost_total AS c
        -- Content/index.md --
        ---
        title: Margin
        ---
        The margin was `=margin.usd_m[last]`, on sales of `=sales_total.usd_m[last]`.
        -- Content/other.md --
        ---
        title: Other
        ---
        Text only.
        """

    @Test func onlyTheQueriesThatReadAChangedInputRunAgain() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        #expect(try site.build().queriesRun == ["cost_total", "margin", "sales_total"])
        try site.write("Content/other.md", "---\ntitle: Other\n---\nStill text only.\n")
        #expect(try site.build().queriesRun == [])

        try site.write("Content/data/costs.csv", "year,usd_m\n2024,80\n2025,120\n")
        let costs = try site.build()
        #expect(costs.queriesRun == ["cost_total", "margin"])
        #expect(
            site.read("Output/index.html").contains(
                "The margin was <data value=\"50\">50</data>, on sales of <data value=\"250\">250</data>."))

        try site.write("Content/data/sales_total.sql", "SELECT max(usd_m) AS usd_m FROM sales")
        let sales = try site.build()
        #expect(sales.queriesRun == ["margin", "sales_total"])
        #expect(site.read("Output/index.html").contains("The margin was <data value=\"-50\">"))
    }

    @Test func aReusedDerivedDatasetStillFeedsTheQueriesThatRunAgain() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        // margin runs again and reads sales_total, which is reused: its rows must reach the database.
        try site.write("Content/data/margin.sql", "SELECT s.usd_m + c.usd_m AS usd_m FROM sales_total AS s, cost_total AS c")
        let summary = try site.build()
        #expect(summary.queriesRun == ["margin"])
        #expect(site.read("Output/index.html").contains("The margin was <data value=\"420\">420</data>"))
    }
}
