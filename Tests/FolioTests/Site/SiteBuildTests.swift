import Folio
import FolioContent
import FolioCore
import FolioMarkdown
import FolioTemplates
import FolioYAML
import Foundation
import Testing

@Suite struct SiteBuildTests {
    @Test func buildsAPagePerArticleWithRelativeLinks() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        let summary = try site.build()
        #expect(summary.pages == 3)
        let files = Set(site.tree().keys)
        #expect(files.isSuperset(of: ["index.html", "debt.html", "analysis/ipo.html", "404.html", "assets/style.css", "assets/note.txt"]))
        let ipo = site.read("Output/analysis/ipo.html")
        #expect(ipo.contains("href=\"../debt.html\""))
        #expect(ipo.contains("href=\"../assets/style.css\""))
        #expect(ipo.contains("<a class=\"site-title\" href=\"../index.html\">"))
        #expect(ipo.contains("<h2 id=\"pricing\">Pricing</h2>"))
        let index = site.read("Output/index.html")
        #expect(index.contains("href=\"analysis/ipo.html#pricing\""))
        #expect(index.contains("href=\"assets/style.css\""))
        // No absolute links to the site itself anywhere.
        for (path, bytes) in site.tree() where path.hasSuffix(".html") && path != "404.html" {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(!html.contains("href=\"/"), "\(path)")
            #expect(!html.contains("src=\"/"), "\(path)")
        }
        #expect(!files.contains("sitemap.xml"))
    }

    @Test func navigationFollowsOrderAndLinksPreviousAndNext() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        try site.build()
        let ipo = site.read("Output/analysis/ipo.html")
        #expect(ipo.contains("<a class=\"pager-next\" href=\"../debt.html\" rel=\"next\">"))
        #expect(ipo.contains("<li><a href=\"ipo.html\" aria-current=\"page\">The IPO</a></li>"))
        let debt = site.read("Output/debt.html")
        #expect(debt.contains("<a class=\"pager-previous\" href=\"analysis/ipo.html\" rel=\"prev\">"))
        #expect(debt.contains("<nav class=\"toc\""))
        #expect(debt.contains("<a href=\"https://www.sec.gov/\">S-1</a>"))
        #expect(debt.contains("Data as of"))
        expectOrder("The IPO", before: "Debt</a>", in: debt)
    }

    @Test func everyLinkErrorIsReportedSortedWithItsLocation() throws {
        let site = try SiteFixture(
            """
            -- Content/site.yml --
            title: T
            -- Content/index.md --
            ---
            title: Home
            ---
            [a](missing.md) and [b](draft.md)

            [c](../outside.md) and [d](javascript:alert(1))
            -- Content/draft.md --
            ---
            title: Draft
            draft: true
            ---
            Draft.
            """)
        defer { site.remove() }
        let path = "Content/index.md"
        #expect(
            site.errors() == [
                Diagnostic(at: SourceLocation(path: path, line: 4, column: 1), SiteIssue.linkToMissingArticle("missing.md")),
                Diagnostic(at: SourceLocation(path: path, line: 4, column: 21), SiteIssue.linkToDraft("draft.md")),
                Diagnostic(at: SourceLocation(path: path, line: 6, column: 1), SiteIssue.linkLeavesContent("../outside.md")),
                Diagnostic(at: SourceLocation(path: path, line: 6, column: 24), SiteIssue.unsafeURLScheme("javascript:alert(1)")),
            ])
    }

    @Test func unsafeSchemesAreRefusedEvenWithRawHTMLAllowed() throws {
        let site = try SiteFixture(
            """
            -- Content/site.yml --
            title: T
            unsafe_html: true
            -- Content/index.md --
            ---
            title: Home
            ---
            [x](JavaScript:alert(1)) [y](data:text/html,hi) [z](mailto:a@b.c)
            """)
        defer { site.remove() }
        let at = { (column: Int) in SourceLocation(path: "Content/index.md", line: 4, column: column) }
        #expect(
            site.errors() == [
                Diagnostic(at: at(1), SiteIssue.unsafeURLScheme("JavaScript:alert(1)")),
                Diagnostic(at: at(26), SiteIssue.unsafeURLScheme("data:text/html,hi")),
            ])
    }

    @Test func frontMatterAndTemplateErrorsAreCollectedTogether() throws {
        let site = try SiteFixture(
            """
            -- Content/site.yml --
            title: T
            -- Content/index.md --
            ---
            title: Home
            layout: wide
            ---
            Hi
            -- Content/b.md --
            No front matter here.
            -- Content/c.md --
            ---
            date: 2025-02-30
            ---
            """)
        defer { site.remove() }
        #expect(
            site.errors() == [
                Diagnostic(at: SourceLocation(path: "Content/b.md"), ContentIssue.missingFrontMatter),
                Diagnostic(
                    at: SourceLocation(path: "Content/c.md", line: 2, column: 1), YAMLIssue.missingKey(in: "front matter", key: "title")),
                Diagnostic(
                    at: SourceLocation(path: "Content/c.md", line: 2, column: 7), ContentIssue.invalidDate(key: "date", value: "2025-02-30")
                ),
                Diagnostic(
                    at: SourceLocation(path: "Content/index.md", line: 3, column: 9),
                    TemplateIssue.unknownLayout("wide", known: ["404", "page"])),
            ])
    }

    @Test func invalidUTF8InAnArticleIsAnErrorAtTheFirstBadByte() throws {
        let site = try SiteFixture("-- Content/site.yml --\ntitle: T\n-- Content/index.md --\n---\ntitle: Home\n---\nok")
        defer { site.remove() }
        try site.write("Content/index.md", Array("---\ntitle: Home\n---\nab".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        #expect(site.errors() == [Diagnostic(at: SourceLocation(path: "Content/index.md", line: 4, column: 3), MarkdownIssue.invalidUTF8)])
    }

    @Test func titlesAreEscapedPerScalarInTextAndAttributes() throws {
        let site = try SiteFixture(
            """
            -- Content/site.yml --
            title: T
            -- Content/index.md --
            ---
            title: "Q\\"\u{301} onload=alert(1) <script>"
            summary: "x\\"\u{301}><script>"
            ---
            Hi
            """)
        defer { site.remove() }
        try site.build()
        let html = site.read("Output/index.html")
        #expect(!html.contains("<script>"))
        #expect(html.contains("<h1>Q&quot;\u{301} onload=alert(1) &lt;script&gt;</h1>"))
        #expect(html.contains("<meta name=\"description\" content=\"x&quot;\u{301}&gt;&lt;script&gt;\">"))
    }

    @Test func baseURLAddsSitemapFeedAndCanonicalLinks() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        try site.build(BuildOptions(baseURL: "https://example.org/reports/"))
        let sitemap = site.read("Output/sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/reports/analysis/ipo.html</loc><lastmod>2025-03-28</lastmod>"))
        let feed = site.read("Output/feed.xml")
        #expect(feed.contains("<updated>2025-03-28T00:00:00Z</updated>"))
        expectOrder("The IPO", before: "<title>Debt", in: feed)
        #expect(!feed.contains("Front page"))
        let ipo = site.read("Output/analysis/ipo.html")
        #expect(ipo.contains("<link rel=\"canonical\" href=\"https://example.org/reports/analysis/ipo.html\">"))
        #expect(ipo.contains("<meta property=\"og:title\" content=\"The IPO\">"))
        let notFound = site.read("Output/404.html")
        #expect(notFound.contains("href=\"https://example.org/reports/\""))
        #expect(notFound.contains("--bg:"))
    }

    @Test func notFoundPageWorksAtAnyDepthWithoutABaseURL() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        try site.build()
        let notFound = site.read("Output/404.html")
        #expect(notFound.contains("<a href=\"/\">"))
        #expect(!notFound.contains("stylesheet"))
        #expect(notFound.contains("<style>"))
    }
}

@Suite struct PercentEncodedLinkTests {
    @Test func percentEncodedLinksResolveAndMalformedOnesAreReportedAsWritten() throws {
        let site = try SiteFixture(
            """
            -- Content/site.yml --
            title: T
            -- Content/index.md --
            ---
            title: Home
            ---
            [a](my%20notes.md) [b](%zz.md)
            -- Content/my notes.md --
            ---
            title: Notes
            ---
            Notes.
            """)
        defer { site.remove() }
        #expect(
            site.errors() == [
                Diagnostic(at: SourceLocation(path: "Content/index.md", line: 4, column: 20), SiteIssue.linkToMissingArticle("%zz.md"))
            ])
        try site.write("Content/index.md", "---\ntitle: Home\n---\n[a](my%20notes.md)\n")
        try site.build()
        #expect(site.read("Output/index.html").contains("<a href=\"my%20notes.html\">a</a>"))
    }
}
