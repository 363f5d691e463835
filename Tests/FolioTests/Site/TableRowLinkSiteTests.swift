import Folio
import FolioBlocks
import FolioCore
import Foundation
import Testing

/// A table column's `link:` to the pages made from data (SPEC §2): each cell links to the page
/// its row's value makes, from the page the table is on.
@Suite struct TableRowLinkSiteTests {
    /// The template tests' data, its pages made from the 2024 rows only.
    static func project(index: String, extra: String = "") -> String {
        TemplatePageSiteTests.data.replacingOccurrences(of: "Home.", with: index) + """

            -- Content/companies/[company].md --
            ---
            title: "{company}"
            rows: capex
            where: {year: 2024}
            ---
            ```table
            data: capex
            where: {year: 2024}
            columns: [{key: company, link: "[company].md#plans"}]
            ```
            """ + extra
    }

    static let table = """
        ```table
        data: capex
        where: {year: 2024}
        columns: [{key: company, label: Company, link: "companies/[company].md"}, plan_usd_b]
        ```
        """

    @Test func aCellLinksToItsRowsPageFromTheRootAndFromTheTemplatesOwnPages() throws {
        let site = try SiteFixture(Self.project(index: Self.table))
        defer { site.remove() }
        try site.build()
        let index = site.read("Output/index.html")
        #expect(index.contains("<td><a href=\"companies/meta.html\">Meta</a></td><td class=\"num\">40</td>"))
        #expect(index.contains("<td><a href=\"companies/alphabet.html\">Alphabet</a></td>"))
        let meta = site.read("Output/companies/meta.html")
        #expect(meta.contains("<td><a href=\"alphabet.html#plans\">Alphabet</a></td>"))
        #expect(meta.contains("<td><a href=\"meta.html#plans\">Meta</a></td>"))
    }

    @Test func aCellLinksToItsRowsPageFromANestedPage() throws {
        let site = try SiteFixture(
            Self.project(
                index: "Home.",
                extra: "\n-- Content/analysis/peers.md --\n---\ntitle: Peers\n---\n"
                    + Self.table.replacingOccurrences(of: "\"companies/", with: "\"../companies/")))
        defer { site.remove() }
        try site.build()
        let peers = site.read("Output/analysis/peers.html")
        #expect(peers.contains("<td><a href=\"../companies/meta.html\">Meta</a></td>"))
        #expect(peers.contains("<td><a href=\"../companies/alphabet.html\">Alphabet</a></td>"))
    }

    @Test func aRowWhoseValueMakesNoPageIsAnErrorAtTheLink() throws {
        let site = try SiteFixture(Self.project(index: Self.table.replacingOccurrences(of: "where: {year: 2024}\n", with: "")))
        defer { site.remove() }
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/index.md", line: 6, column: 48),
                    SiteIssue.linkToMissingRowPage("companies/[company=<b>Co</b>].md"))
            ])
    }

    @Test func aTemplateColumnTheTableDatasetLacksIsAnErrorAtTheLink() throws {
        let site = try SiteFixture(
            Self.project(index: Self.table.replacingOccurrences(of: "companies/[company].md", with: "companies/[firm].md")))
        defer { site.remove() }
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/index.md", line: 7, column: 48),
                    BlockIssue.unknownColumn("firm", dataset: "capex", known: ["company", "year", "plan_usd_b", "hq"]))
            ])
    }

    /// The table reads another dataset than the template's rows: the page it links to goes with its row all the same.
    @Test func removingTheRowOfALinkedPageMakesTheLinkAnErrorInTheNextBuild() throws {
        let site = try SiteFixture(
            Self.project(
                index: Self.table.replacingOccurrences(of: "data: capex\nwhere: {year: 2024}", with: "data: peers")
                    .replacingOccurrences(of: ", plan_usd_b]", with: "]"),
                extra: "\n-- Content/data/peers.csv --\ncompany\nMeta\nAlphabet\n"))
        defer { site.remove() }
        try site.build()
        #expect(site.read("Output/index.html").contains("<td><a href=\"companies/alphabet.html\">Alphabet</a></td>"))
        let csv = site.read("Content/data/capex.csv")
        try site.write("Content/data/capex.csv", csv.replacingOccurrences(of: "Alphabet,2024,", with: "Alphabet,2023,"))
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/index.md", line: 6, column: 48),
                    SiteIssue.linkToMissingRowPage("companies/[company=Alphabet].md"))
            ])
    }
}
