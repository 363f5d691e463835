import Folio
import FolioCore
import FolioTemplates
import Foundation
import Testing

/// One page through the pipeline: charts framed by the theme's partial with their files placed
/// beside the page, heading ids that avoid the blocks' ids, and the 404 page's context.
@Suite struct PageRenderTests {
    static let project = """
        -- Content/site.yml --
        title: Report
        description: What the numbers say
        -- Content/data/fin.csv --
        year,revenue_usd_m
        2023,228.9
        2024,1915.4
        -- Content/index.md --
        ---
        title: Home
        ---
        ```chart
        type: bar
        data: fin
        x: year
        y: revenue_usd_m
        title: Revenue <grew>
        subtitle: USD & more
        ```
        -- Content/a/b.md --
        ---
        title: B
        order: 1
        nav_title: Short B
        ---
        ```chart
        type: line
        data: fin
        x: year
        y: revenue_usd_m
        title: T
        source: {title: Filing, url: "https://example.org/f"}
        ```

        ## Chart 1

        ## Chart 1 heading
        -- Content/x/y/z.md --
        ---
        title: Z
        ---
        ```chart
        type: bar
        data: fin
        x: year
        y: revenue_usd_m
        title: First
        ```

        ```chart
        type: bar
        data: fin
        x: year
        y: revenue_usd_m
        title: Second
        ```
        """

    @Test func chartsAreFramedByTheThemePartialWithTheirFilesBesideThePage() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        let index = site.read("Output/index.html")
        #expect(index.contains("<figure class=\"chart\" id=\"chart-1\" aria-labelledby=\"chart-1-heading\">\n"))
        #expect(
            index.contains(
                "<figcaption class=\"chart-head\"><span class=\"chart-title\" id=\"chart-1-heading\">Revenue &lt;grew&gt;</span>"
                    + "<span class=\"chart-subtitle\">USD &amp; more</span></figcaption>\n<div class=\"chart-graphic\"><svg "))
        #expect(
            index.contains(
                "<p class=\"chart-source\"><a href=\"charts/index.chart-1.csv\" download>Get the data</a> · "
                    + "<a href=\"charts/index.chart-1.svg\">Download the chart (SVG)</a></p>\n<details class=\"chart-data\">"))
        let page = site.read("Output/a/b.html")
        #expect(
            page.contains(
                "<p class=\"chart-source\">Source: <a href=\"https://example.org/f\">Filing</a>. "
                    + "<a href=\"../charts/a/b.chart-1.csv\" download>Get the data</a> · "
                    + "<a href=\"../charts/a/b.chart-1.svg\">Download the chart (SVG)</a></p>"))
        let deep = site.read("Output/x/y/z.html")
        #expect(deep.contains("<a href=\"../../charts/x/y/z.chart-2.svg\">Download the chart (SVG)</a>"))
        let files = Set(site.tree().keys)
        #expect(
            files.isSuperset(of: [
                "charts/index.chart-1.svg", "charts/index.chart-1.csv", "charts/a/b.chart-1.svg", "charts/a/b.chart-1.csv",
                "charts/x/y/z.chart-1.svg", "charts/x/y/z.chart-2.csv",
            ]))
        #expect(site.read("Output/charts/x/y/z.chart-2.csv") == "year,revenue_usd_m\r\n2023,228.9\r\n2024,1915.4\r\n")
    }

    @Test func headingsNeverTakeAnIDAChartEmits() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        let page = site.read("Output/a/b.html")
        #expect(page.contains("<h2 id=\"chart-1-2\">Chart 1</h2>"))
        #expect(page.contains("<h2 id=\"chart-1-heading-2\">Chart 1 heading</h2>"))
    }

    @Test func aThemeRestylesTheChartFrame() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.write(
            "Templates/partials/chart.mustache", "<div class=\"mine\" id=\"{{id}}\">{{title}}|{{data_url}}|{{svg_url}}</div>\n")
        try site.build()
        let page = site.read("Output/a/b.html")
        #expect(page.contains("<div class=\"mine\" id=\"chart-1\">T|../charts/a/b.chart-1.csv|../charts/a/b.chart-1.svg</div>"))
        #expect(!page.contains("<figure class=\"chart\""))
    }

    @Test func editingTheChartPartialRendersEveryPageAgain() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        #expect(try site.build().rendered == [])
        try site.write("Templates/partials/chart.mustache", "<div class=\"mine\">{{title}}</div>\n")
        let summary = try site.build()
        #expect(summary.rendered == ["Content/a/b.md", "Content/index.md", "Content/x/y/z.md"])
        #expect(site.read("Output/x/y/z.html").contains("<div class=\"mine\">Second</div>"))
    }

    @Test func aThemeWithoutAChartPartialGetsTheDefaultOne() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Templates/partials/chart.mustache"))
        try site.build()
        #expect(site.read("Output/index.html").contains("<figure class=\"chart\" id=\"chart-1\" aria-labelledby=\"chart-1-heading\">"))
    }

    @Test func anErrorInTheChartPartialIsLocatedInIt() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.write("Templates/partials/chart.mustache", "<figure>\n{{/title}}\n</figure>\n")
        let errors = site.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.location.path == "Templates/partials/chart.mustache")
        #expect(errors.first?.location.line == 2)
    }

    @Test func theNotFoundPageHasThePageContextWithLinksFromTheRoot() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.write(
            "Templates/layouts/404.mustache",
            "{{page.title}}|{{site.description}}|{{home}}|{{root}}|{{#site.nav}}{{nav_title}}={{url}};{{/site.nav}}|{{page.url}}\n")
        try site.build(BuildOptions(baseURL: "https://example.org/r"))
        #expect(
            site.read("Output/404.html")
                == "Page not found|What the numbers say|https://example.org/r/|https://example.org/r/|Short B=https://example.org/r/a/b.html;|https://example.org/r/404.html\n"
        )
    }

    @Test func aBrokenNotFoundTemplateIsALocatedErrorNotAnEmptyPage() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.write("Templates/layouts/404.mustache", "<p>\n{{/nothing}}\n")
        let errors = site.errors()
        #expect(
            errors.map(\.location) == [
                SourceLocation(path: "Templates/layouts/404.mustache", line: 2, column: errors.first?.location.column ?? 0)
            ])
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/404.html").path))
    }
}
