import Folio
import FolioBlocks
import FolioCore
import Foundation
import Testing

/// Computed values and claims through a whole site: a data update moves every figure, and one
/// that makes a sentence false stops the build at that sentence with the previous site kept.
@Suite struct ClaimSiteTests {
    static let project = """
        -- Content/site.yml --
        title: Report
        -- Content/data/quarterly.csv --
        year,quarter,debt_usd_m
        2024,Q4,7930
        2025,Q1,8700
        2025,Q2,11100
        -- Content/data/quarterly.meta.yml --
        units: {debt_usd_m: USD millions}
        -- Content/index.md --
        ---
        title: Debt
        ---
        Debt reached `=quarterly.debt_usd_m[last]` by mid-2025, up
        `=quarterly.debt_usd_m[last] / quarterly.debt_usd_m[year=2024] - 1|fraction+` in six months.
        Across the year's quarters it came to `=sum(quarterly.debt_usd_m[year=2025])`.

        ```claim
        text: Debt rose by more than a third in six months
        holds: quarterly.debt_usd_m[last] > 1.33 * quarterly.debt_usd_m[year=2024]
        ```

        ```claim
        text: Debt rose every quarter
        sql: |
          SELECT count(*) = 0 AS rose FROM quarterly a JOIN quarterly b ON b.rowid = a.rowid + 1
          WHERE b.debt_usd_m <= a.debt_usd_m
        ```
        -- Content/about.md --
        ---
        title: About this report
        ---
        Written from public filings; it reads no data.
        """

    @Test func claimsThatHoldRenderNothingAndAreCounted() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        let summary = try site.build()
        #expect(summary.claims == 2)
        let page = site.read("Output/index.html")
        #expect(page.contains("up\n<data value=\"0.399747793190416\">+40%</data> in six months"))
        #expect(page.contains("it came to <data value=\"19800\">$19.8B</data>."))
        #expect(!page.contains("claim") && !page.contains("holds:"))
    }

    @Test func aDataUpdateThatMakesAClaimFalseStopsTheBuildAtItsBlockAndKeepsTheSite() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        let before = site.tree()
        try site.write("Content/data/quarterly.csv", "year,quarter,debt_usd_m\n2024,Q4,7930\n2025,Q1,8700\n2025,Q2,10100\n")
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/index.md", line: 8, column: 1),
                    BlockIssue.claimFails(
                        text: "Debt rose by more than a third in six months",
                        shown: "10,100 > 1.33 \u{00D7} 7,930 (= 10,546.9) is false"))
            ])
        #expect(site.tree() == before)

        try site.write("Content/data/quarterly.csv", "year,quarter,debt_usd_m\n2024,Q4,7930\n2025,Q1,8700\n2025,Q2,11200\n")
        let summary = try site.build()
        #expect(summary.claims == 2)
        #expect(summary.rendered == ["Content/index.md"])
        #expect(
            summary.changes.contains(
                "Content/index.md:8: claim \"Debt rose by more than a third in six months\": quarterly.debt_usd_m[last] 11,100 \u{2192} 11,200"
            ))
        #expect(site.read("Output/index.html").contains("it came to <data value=\"19900\">$19.9B</data>."))
    }

    @Test func dataAsOfMayBeComputedAndEveryPageFollowsIt() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.write("Content/site.yml", "title: Report\ndata_as_of: =max(filings.date)\n")
        try site.write("Content/data/filings.csv", "id,date\nf1,2025-06-30\nf2,2025-09-30\n")
        try site.build()
        #expect(site.read("Output/about.html").contains("<time datetime=\"2025-09-30\">"))
        try site.write("Content/data/filings.csv", "id,date\nf1,2025-06-30\nf2,2025-09-30\nf3,2025-12-31\n")
        let summary = try site.build()
        // The page that reads no data shows the new date too.
        #expect(summary.rendered.contains("Content/about.md"))
        #expect(site.read("Output/about.html").contains("<time datetime=\"2025-12-31\">"))
        try site.write("Content/site.yml", "title: Report\ndata_as_of: =max(filing.date)\n")
        #expect(site.errors().map(\.location) == [SourceLocation(path: "Content/site.yml", line: 2, column: 18)])
    }

    @Test func aQueryClaimFailsWhenTheDataBreaksItsPattern() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.write("Content/data/quarterly.csv", "year,quarter,debt_usd_m\n2024,Q4,7930\n2025,Q1,7000\n2025,Q2,11100\n")
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/index.md", line: 13, column: 1),
                    BlockIssue.claimFails(text: "Debt rose every quarter", shown: "its query returned 0"))
            ])
    }
}
