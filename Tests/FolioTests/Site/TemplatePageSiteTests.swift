import Folio
import FolioBlocks
import FolioCore
import Foundation
import Testing

/// Pages from data (SPEC §2): a `[column].md` template makes one page per distinct value of its
/// column in its `rows:` dataset, with `{COLUMN}` filled in its front matter.
@Suite struct TemplatePageSiteTests {
    static let data = """
        -- Content/site.yml --
        title: Report
        -- Content/index.md --
        ---
        title: Home
        ---
        Home.
        -- Content/data/capex.csv --
        company,year,plan_usd_b,hq
        Meta,2024,40,Menlo Park
        Alphabet,2024,52,Mountain View
        Meta,2025,65,Menlo Park
        <b>Co</b>,2025,10,Here & there
        """

    static let project =
        data + """

            -- Content/companies/[company].md --
            ---
            title: "{company}: plans"
            rows: capex
            summary: "Based in {hq}; {{braces} stay"
            ---
            Body of a company page.
            """

    @Test func aTemplateMakesOnePagePerValueWithItsFrontMatterFilled() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        let summary = try site.build()
        #expect(summary.pages == 4)
        let pages = site.tree().keys.filter { $0.hasPrefix("companies/") }.sorted()
        #expect(pages == ["companies/alphabet.html", "companies/b-co-b.html", "companies/meta.html"])
        let meta = site.read("Output/companies/meta.html")
        #expect(meta.contains("<title>Meta: plans · Report</title>"))
        #expect(meta.contains("<p class=\"dek\">Based in Menlo Park; {braces} stay</p>"))
        #expect(meta.contains("Body of a company page."))
        let co = site.read("Output/companies/b-co-b.html")
        #expect(co.contains("<title>&lt;b&gt;Co&lt;/b&gt;: plans · Report</title>"))
        #expect(co.contains("Based in Here &amp; there;"))
        #expect(!co.contains("<b>Co</b>"))
    }

    @Test func thePagesFollowEachOtherInTheOrderTheirValuesFirstAppear() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        #expect(site.read("Output/companies/meta.html").contains("href=\"alphabet.html\" rel=\"next\""))
        #expect(site.read("Output/companies/alphabet.html").contains("href=\"b-co-b.html\" rel=\"next\""))
        #expect(site.read("Output/companies/alphabet.html").contains("href=\"meta.html\" rel=\"prev\""))
    }

    @Test func whereInTheFrontMatterFiltersTheRows() throws {
        let site = try SiteFixture(
            Self.data + """

                -- Content/companies/[company].md --
                ---
                title: "{company}"
                rows: capex
                where: {year: 2024}
                ---
                Body.
                """)
        defer { site.remove() }
        try site.build()
        #expect(site.tree().keys.filter { $0.hasPrefix("companies/") }.sorted() == ["companies/alphabet.html", "companies/meta.html"])
    }

    static func template(_ frontMatter: String, body: String = "Body.") -> String {
        data + "\n-- Content/companies/[company].md --\n---\n" + frontMatter + "\n---\n" + body
    }

    static let at = "Content/companies/[company].md"

    @Test func aTemplateWithoutRowsIsAnError() throws {
        let site = try SiteFixture(Self.template("title: \"{company}\""))
        defer { site.remove() }
        #expect(
            site.errors() == [
                Diagnostic(at: SourceLocation(path: Self.at, line: 2, column: 1), RowPageIssue.missingRows(column: "company"))
            ])
    }

    @Test func anUnknownDatasetIsAnErrorAtRows() throws {
        let site = try SiteFixture(Self.template("title: \"{company}\"\nrows: capx"))
        defer { site.remove() }
        #expect(
            site.errors() == [
                Diagnostic(at: SourceLocation(path: Self.at, line: 3, column: 7), BlockIssue.unknownDataset("capx", known: ["capex"]))
            ])
    }

    @Test func aFileNameColumnTheDatasetLacksIsAnError() throws {
        let site = try SiteFixture(
            Self.data + "\n-- Content/companies/[firm].md --\n---\ntitle: \"{firm}\"\nrows: capex\n---\nBody.")
        defer { site.remove() }
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/companies/[firm].md", line: 3, column: 7),
                    RowPageIssue.unknownFileColumn("firm", dataset: "capex", known: ["company", "year", "plan_usd_b", "hq"]))
            ])
    }

    @Test func anUnknownColumnInAPlaceholderIsAnErrorAtIt() throws {
        let site = try SiteFixture(Self.template("title: \"{company} in {city}\"\nrows: capex\nwhere: {year: 2024}"))
        defer { site.remove() }
        let error = Diagnostic(
            at: SourceLocation(path: Self.at, line: 2, column: 22),
            RowPageIssue.unknownColumn("city", dataset: "capex", known: ["company", "year", "plan_usd_b", "hq"]))
        #expect(site.errors() == [error])
    }

    @Test func aPlaceholderWhoseRowsDisagreeIsAnErrorAtIt() throws {
        let site = try SiteFixture(Self.template("title: \"{company}\"\nsummary: \"Plan {plan_usd_b}\"\nrows: capex"))
        defer { site.remove() }
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: Self.at, line: 3, column: 16),
                    RowPageIssue.valuesDiffer(column: "plan_usd_b", page: "company=Meta", first: "40", second: "65"))
            ])
    }

    @Test func twoValuesWithOneSlugAreAnErrorAtTheSecondRowNamingTheFirst() throws {
        let site = try SiteFixture(
            Self.template("title: \"{company}\"\nrows: capex").replacingOccurrences(of: "Alphabet,2024", with: "META,2024"))
        defer { site.remove() }
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/data/capex.csv", line: 3, column: 1),
                    RowPageIssue.slugClash(
                        value: "META", first: "Meta", firstRow: "Content/data/capex.csv:2:1", output: "companies/meta.html"))
            ])
    }

    @Test func anEmptyValueIsAnErrorAtItsRow() throws {
        let site = try SiteFixture(
            Self.template("title: \"{company}\"\nrows: capex").replacingOccurrences(of: "Alphabet,2024", with: ",2024"))
        defer { site.remove() }
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/data/capex.csv", line: 3, column: 1), RowPageIssue.emptyValue(column: "company"))
            ])
    }

    @Test func aGeneratedPageIsInTheSitemapAndFeedButNotTheMenuUnlessNavNamesIt() throws {
        let site = try SiteFixture(
            Self.template("title: \"{company}\"\nrows: capex\norder: 1\ndate: 2025-03-01")
                .replacingOccurrences(of: "title: Report\n", with: "title: Report\nbase_url: https://example.org\n"))
        defer { site.remove() }
        try site.build()
        let sitemap = site.read("Output/sitemap.xml")
        #expect(sitemap.contains("https://example.org/companies/meta.html"))
        #expect(site.read("Output/feed.xml").contains("https://example.org/companies/alphabet.html"))
        #expect(!site.read("Output/index.html").contains("companies/meta.html"))
    }

    @Test func proseAndNavLinkToOneGeneratedPage() throws {
        let site = try SiteFixture(
            Self.template("title: \"{company}\"\nrows: capex")
                .replacingOccurrences(of: "title: Report\n", with: "title: Report\nnav: [index.md, \"companies/[company=Meta].md\"]\n")
                .replacingOccurrences(of: "Home.", with: "See [Meta](companies/[company=Meta].md#plans)."))
        defer { site.remove() }
        try site.build()
        let index = site.read("Output/index.html")
        #expect(index.contains("<a href=\"companies/meta.html#plans\">Meta</a>"))
        #expect(index.contains("href=\"companies/meta.html\""))
        #expect(!index.contains("companies/alphabet.html"))
    }

    @Test func aLinkToAPageNoRowMakesIsAnError() throws {
        let site = try SiteFixture(
            Self.template("title: \"{company}\"\nrows: capex").replacingOccurrences(
                of: "Home.", with: "See [Apple](companies/[company=Apple].md)."))
        defer { site.remove() }
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/index.md", line: 4, column: 5),
                    SiteIssue.linkToMissingRowPage("companies/[company=Apple].md"))
            ])
    }

    @Test func addingEditingAndRemovingARowFollowsInTheNextBuild() throws {
        let site = try SiteFixture(
            Self.template("title: \"{company} in {hq}\"\nrows: capex\nwhere: {year: 2024}")
                .replacingOccurrences(of: "Home.", with: "See [Meta](companies/[company=Meta].md)."))
        defer { site.remove() }
        try site.build()
        let csv = site.read("Content/data/capex.csv")
        try site.write("Content/data/capex.csv", csv + "Oracle,2024,20,Austin\n")
        try site.build()
        #expect(site.read("Output/companies/oracle.html").contains("<title>Oracle in Austin · Report</title>"))
        try site.write("Content/data/capex.csv", csv.replacingOccurrences(of: "Meta,2024,40,Menlo Park", with: "Meta,2024,40,Palo Alto"))
        try site.build()
        #expect(site.tree()["companies/oracle.html"] == nil)
        #expect(site.read("Output/companies/meta.html").contains("<title>Meta in Palo Alto · Report</title>"))
        try site.write("Content/data/capex.csv", csv.replacingOccurrences(of: "Meta,2024,40,Menlo Park\n", with: ""))
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/index.md", line: 4, column: 5),
                    SiteIssue.linkToMissingRowPage("companies/[company=Meta].md"))
            ])
    }

    /// The pages a row edit renders again: its value's page and the page whose table shows the
    /// whole dataset, not the template's other pages nor the page that reads none of it.
    @Test func editingARowRendersOnlyItsPageAndThePagesThatShowTheDataset() throws {
        let site = try SiteFixture(
            Self.template(
                "title: \"{company}\"\nrows: capex",
                body: "`=capex.plan_usd_b[company=@company][last]`\n\n```table\ndata: capex\nwhere: {company: \"@company\"}\n```\n"
            ).replacingOccurrences(of: "Home.", with: "```table\ndata: capex\n```\n")
                + "\n-- Content/about.md --\n---\ntitle: About\n---\nAbout.\n")
        defer { site.remove() }
        #expect(try site.build().rendered.count == 5)
        let alphabet = site.read("Output/companies/alphabet.html")
        let csv = site.read("Content/data/capex.csv")
        try site.write("Content/data/capex.csv", csv.replacingOccurrences(of: "Meta,2025,65,", with: "Meta,2025,66,"))
        let summary = try site.build()
        #expect(summary.rendered == ["Content/companies/[company].md", "Content/index.md"])
        #expect(site.read("Output/companies/meta.html").contains("<td class=\"num\">66</td>"))
        #expect(site.read("Output/companies/alphabet.html") == alphabet)
    }
}
