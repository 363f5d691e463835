import Folio
import FolioBlocks
import FolioCore
import Foundation
import Testing

/// `@COLUMN` in a template page's body (SPEC §2): the page's value wherever a selector's or
/// `where:` value goes, and `=@COLUMN` printing it.
@Suite struct RowBindingSiteTests {
    /// The template tests' data, with a value holding `]`, quotes and a backslash, and units.
    static let data =
        TemplatePageSiteTests.data.replacingOccurrences(of: "<b>Co</b>,2025", with: "\"A]B \"\"Q\"\" \\x\",2025")
        + "\n-- Content/data/capex.meta.yml --\nunits: {plan_usd_b: USD billions}"

    /// `frontMatter`: more lines of it, each ending in a newline.
    static func template(_ body: String, frontMatter: String = "") -> String {
        data + "\n-- Content/companies/[company].md --\n---\ntitle: \"{company}\"\nrows: capex\n" + frontMatter + "---\n" + body
    }

    @Test func atColumnFillsSelectorsWhereAndPrintsTheValue() throws {
        let site = try SiteFixture(
            Self.template(
                """
                `=@company` planned `=capex.plan_usd_b[company=@company][year=2024]|usd_b` in 2024 and
                `=sum(capex.plan_usd_b[company=@company])|usd_b` in all; in `=@hq`.

                ```table
                data: capex
                where: {company: "@company"}
                columns: [year, plan_usd_b]
                ```
                """
            ).replacingOccurrences(of: "\"A]B \"\"Q\"\" \\x\",2025,10", with: "\"A]B \"\"Q\"\" \\x\",2024,10"))
        defer { site.remove() }
        try site.build()
        let meta = site.read("Output/companies/meta.html")
        #expect(meta.contains("Meta planned <data value=\"40\">$40B</data> in 2024 and"))
        #expect(meta.contains("<data value=\"105\">$105B</data> in all; in Menlo Park."))
        #expect(meta.contains("<td class=\"num\">2025</td><td class=\"num\">$65B</td>"))
        #expect(!meta.contains("$52B"))
        // A value holding `]`, quotes and a backslash is matched as it is, and printed escaped.
        let odd = site.read("Output/companies/a-b-q-x.html")
        #expect(odd.contains("A]B &quot;Q&quot; \\x planned <data value=\"10\">$10B</data> in 2024"))
        #expect(odd.contains("in Here &amp; there."))
    }

    /// A pinned read looks only among the rows of the page's value (so 10,000 pages do not each
    /// scan 10,000 rows), but among all of them: the front matter's `where:` chooses the pages,
    /// not the rows their blocks read; `[last]` and other selectors apply as on the whole dataset.
    @Test func aPinnedReadSeesEveryRowOfTheValueWhateverTheTemplatesWhere() throws {
        let site = try SiteFixture(
            Self.template(
                """
                Last `=capex.plan_usd_b[company=@company][last]`.

                ```table
                data: capex
                where: {company: "@company"}
                columns: [year, plan_usd_b]
                ```
                """, frontMatter: "where: {year: 2025}\n"))
        defer { site.remove() }
        try site.build()
        #expect(site.tree().keys.filter { $0.hasPrefix("companies/") }.sorted() == ["companies/a-b-q-x.html", "companies/meta.html"])
        let meta = site.read("Output/companies/meta.html")
        #expect(meta.contains("Last <data value=\"65\">$65B</data>."))
        #expect(meta.contains("<td class=\"num\">2024</td><td class=\"num\">$40B</td>"))
        #expect(meta.contains("<td class=\"num\">2025</td><td class=\"num\">$65B</td>"))
        #expect(!meta.contains("$52B"))
    }

    /// A template over a numeric column compares its values as numbers (`2024.0` is `2024`).
    @Test func aPinnedReadOfANumericColumnMatchesItsValueAsANumber() throws {
        let site = try SiteFixture(
            Self.data.replacingOccurrences(of: "Alphabet,2024,", with: "Alphabet,2024.0,") + """

                -- Content/years/[year].md --
                ---
                title: "{year}"
                rows: capex
                where: {company: Meta}
                ---
                Plans `=sum(capex.plan_usd_b[year=@year])|usd_b`, the last `=capex.plan_usd_b[year=@year][last]`.

                ```table
                data: capex
                where: {year: "@year"}
                columns: [company, plan_usd_b]
                ```
                """)
        defer { site.remove() }
        try site.build()
        let year = site.read("Output/years/2024.html")
        #expect(year.contains("Plans <data value=\"92\">$92B</data>, the last <data value=\"52\">$52B</data>."))
        #expect(year.contains("<td>Alphabet</td><td class=\"num\">$52B</td>"))
    }

    @Test func backslashAtIsALiteralAt() throws {
        let site = try SiteFixture(
            Self.data.replacingOccurrences(of: "Meta,2024,40", with: "@Meta,2024,40")
                + "\n-- Content/other.md --\n---\ntitle: Other\n---\nPlan `=capex.plan_usd_b[company=\\@Meta]|usd_b`.")
        defer { site.remove() }
        try site.build()
        #expect(site.read("Output/other.html").contains("Plan <data value=\"40\">$40B</data>."))
    }

    @Test func atColumnOutsideATemplatePageIsAnError() throws {
        let site = try SiteFixture(
            Self.data + "\n-- Content/other.md --\n---\ntitle: Other\n---\nPlan `=capex.plan_usd_b[company=@company]`.")
        defer { site.remove() }
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/other.md", line: 4, column: 33), RowPageIssue.bindingOutsideTemplate("@company"))
            ])
    }

    @Test func atColumnWhoseRowsDisagreeIsAnErrorAtIt() throws {
        let site = try SiteFixture(Self.template("Plan: `=@plan_usd_b`."))
        defer { site.remove() }
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/companies/[company].md", line: 5, column: 9),
                    RowPageIssue.valuesDiffer(column: "plan_usd_b", page: "company=Meta", first: "40", second: "65"))
            ])
    }

    @Test func anUnknownAtColumnInWhereIsAnErrorAtTheValue() throws {
        let site = try SiteFixture(Self.template("```table\ndata: capex\nwhere: {company: \"@firm\"}\n```"))
        defer { site.remove() }
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/companies/[company].md", line: 7, column: 18),
                    RowPageIssue.unknownColumn("firm", dataset: "capex", known: ["company", "year", "plan_usd_b", "hq"]))
            ])
    }

    /// A claim on a template holds or fails page by page: the build stops at the claim, for the page it fails on.
    @Test func aClaimWithAtColumnThatFailsForOnePageStopsTheBuildAtTheClaim() throws {
        let claim = "```claim\ntext: Plans reached $40B\nholds: capex.plan_usd_b[company=@company][last] >= 40\n```\n"
        let holding = try SiteFixture(Self.template(claim).replacingOccurrences(of: "x\",2025,10", with: "x\",2025,41"))
        defer { holding.remove() }
        // Checked on each of the three pages.
        #expect(try holding.build().claims == 3)
        let site = try SiteFixture(Self.template(claim))
        defer { site.remove() }
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/companies/[company].md", line: 5, column: 1),
                    BlockIssue.claimFails(text: "Plans reached $40B", shown: "10 \u{2265} 40 is false"))
            ])
    }
}
