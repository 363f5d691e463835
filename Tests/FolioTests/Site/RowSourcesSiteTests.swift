import Folio
import FolioCore
import FolioData
import Foundation
import Testing

/// Sources per row (SPEC §3): every chart, table and inline value cites the sources of exactly
/// the rows it shows; a derived dataset without its own source says what it was computed from.
@Suite struct RowSourcesSiteTests {
    static let project = """
        -- Content/site.yml --
        title: Report
        -- Content/data/filings.csv --
        id,title,url,date
        s1,CoreWeave S-1,https://www.sec.gov/s1,2025-03-03
        s2,Q1 2025 results,https://investors.example/q1,2025-05-14
        s3,Q2 2025 results,,2025-08-12
        -- Content/data/quarterly.csv --
        year,quarter,revenue_usd_m,source_ids
        2024,Q4,747,s1
        2025,Q1,981.6,s2
        2025,Q2,1212.8,s3; s2
        2025,Q3,1365,
        -- Content/data/quarterly.meta.yml --
        source: {title: Company statements, date: 2025}
        units: {revenue_usd_m: USD millions}
        source_column: source_ids
        sources: filings
        -- Content/data/annual.sql --
        SELECT year, sum(revenue_usd_m) AS revenue_usd_m FROM quarterly GROUP BY year ORDER BY year
        -- Content/index.md --
        ---
        title: Revenue
        ---
        The fourth quarter of 2024 brought `=quarterly.revenue_usd_m[quarter=Q4]`.

        ```chart
        type: bar
        data: quarterly
        x: quarter
        y: revenue_usd_m
        where: {year: 2025}
        title: Revenue in 2025
        ```

        ```chart
        type: bar
        data: quarterly
        x: quarter
        y: revenue_usd_m
        title: Revenue by quarter
        source: {title: Our own count}
        ```

        ```table
        data: annual
        ```
        -- Content/quarters.md --
        ---
        title: Quarters
        ---
        ```table
        data: quarterly
        columns: [quarter]
        where: {year: 2024}
        ```
        -- Content/sum.md --
        ---
        title: Sum
        ---
        The first half of 2025 brought `=sum(quarterly.revenue_usd_m[year=2025][quarter<=Q2])`.
        """

    static let q1 = "<a href=\"https://investors.example/q1\">Q1 2025 results</a> (2025-05-14)"
    static let q2 = "Q2 2025 results (2025-08-12)"
    static let s1 = "<a href=\"https://www.sec.gov/s1\">CoreWeave S-1</a> (2025-03-03)"
    static let statements = "Company statements (2025)"

    @Test func aChartCitesExactlyTheRowsItDrawsInOrderOfFirstUse() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        let page = site.read("Output/index.html")
        // Q1 cites s2; Q2 cites s3 then s2 again; Q3 has no id and cites the sidecar's source.
        // The line ends there: the 2024 row it does not draw, and its S-1, are not cited.
        #expect(page.contains("Sources: \(Self.q1); \(Self.q2); \(Self.statements)."))
        #expect(page.contains("Source: Our own count"))
        #expect(site.read("Output/charts/index.chart-1.svg").contains("Sources: Q1 2025 results (2025-05-14); Q2 2025 results"))
    }

    @Test func aTableOfTextCitesTheSourcesOfItsRows() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        #expect(site.read("Output/quarters.html").contains("<p class=\"chart-source\">Source: \(Self.s1).</p>"))
    }

    @Test func aDerivedDatasetWithoutASourceSaysWhatItWasComputedFrom() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        let page = site.read("Output/index.html")
        #expect(page.contains("Computed from quarterly. Sources: \(Self.s1); \(Self.q1); \(Self.q2); \(Self.statements)."))
    }

    @Test func inlineValuesJoinThePagesSourcesList() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        let index = try #require(site.read("Output/index.html").components(separatedBy: "id=\"sources-heading\"").last)
        #expect(index.contains("<li><a href=\"https://www.sec.gov/s1\">CoreWeave S-1</a>"))
        #expect(!index.contains("Q1 2025 results"))
        // An aggregate cites the rows it read: Q1 and Q2 of 2025.
        let sum = try #require(site.read("Output/sum.html").components(separatedBy: "id=\"sources-heading\"").last)
        #expect(sum.contains("Q1 2025 results") && sum.contains("Q2 2025 results"))
        #expect(!sum.contains("CoreWeave S-1") && !sum.contains("Company statements"))
    }

    @Test func anIDWithNoRowIsAnErrorAtItsRow() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.write(
            "Content/data/quarterly.csv", "year,quarter,revenue_usd_m,source_ids\n2024,Q4,747,s1\n2025,Q1,981.6,s2;s9\n")
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/data/quarterly.csv", line: 3, column: 1),
                    DataIssue.unknownSourceID("s9", column: "source_ids", sources: "filings"))
            ])
    }

    @Test func aSidecarNamingAMissingSourcesDatasetOrColumnIsAnError() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.write("Content/data/quarterly.meta.yml", "source_column: source_ids\nsources: filing\n")
        #expect(site.errors().map(\.message).first?.contains("sources dataset 'filing' does not exist") == true)
        try site.write("Content/data/quarterly.meta.yml", "source_column: {revenue_usd_m: ids}\nsources: filings\n")
        #expect(site.errors().map(\.message).first?.contains("has no column 'ids'") == true)
        try site.write("Content/data/quarterly.meta.yml", "source_column: source_ids\n")
        #expect(site.errors().map(\.message).first?.contains("'source_column' without 'sources'") == true)
    }
}
