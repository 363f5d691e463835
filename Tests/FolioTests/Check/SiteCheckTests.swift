import FolioCheck
import Testing

/// A page in the default theme's shape: a stylesheet, a nav link and the given body.
private func page(_ body: String, root: String = "") -> String {
    """
    <!doctype html>
    <html lang="en"><head><meta charset="utf-8"><title>T</title>
    <link rel="stylesheet" href="\(root)assets/style.css"><link rel="icon" href="\(root)assets/favicon.svg">
    </head><body><a class="skip" href="#main">Skip</a><main id="main">\(body)</main></body></html>
    """
}

private let chartFigure = """
    <figure class="chart" id="chart-1"><svg><title>T</title></svg>
    <p><a href="charts/a/chart-1.csv" download>Get the data</a> · <a href="charts/a/chart-1.svg">Download the chart (SVG)</a></p>
    <details><table><tr><td>1</td></tr></table></details></figure>
    """

/// A small clean site: pages linking to each other with anchors, assets, a chart with its downloads, and a 404 page.
private func cleanSite() -> BuiltSite {
    BuiltSite(
        files: ["assets/style.css", "assets/favicon.svg", "charts/a/chart-1.csv"],
        documents: [
            "index.html": page("<h2 id=\"first\">First</h2><a href=\"a.html#part\">A</a> <a href=\"https://example.com/x\">ext</a>"),
            "a.html": page("<h2 id=\"part\">Part</h2>\(chartFigure)<a href=\"index.html#main\">back</a> <a href=\"./\">home</a>"),
            "charts/a/chart-1.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><title id=\"t\">T</title></svg>",
            "404.html": page("<a href=\"/\">Front page</a> <a href=\"/a.html\">A</a>"),
        ])
}

@Suite struct SiteCheckTests {
    @Test func aCleanSitePasses() {
        let report = SiteCheck.run(cleanSite())
        #expect(report.problems == [])
        #expect(report.pages == 3)
        #expect(report.charts == 1)
        #expect(report.summary == "Checked 3 pages: 8 internal links, 6 assets, 1 chart; nothing broken")
    }

    @Test func scriptURLsAreReportedWhereverTheyAre() {
        var site = cleanSite()
        site.documents["index.html"] = page(
            "<a href=\"javascript:alert(1)\">x</a> <img src=\"vbscript:x\"> <a href=\"mailto:a@b.org\">m</a>")
        let report = SiteCheck.run(site)
        #expect(
            report.problems == [
                CheckProblem(page: "index.html", target: "javascript:alert(1)", reason: .unsafeScheme("javascript")),
                CheckProblem(page: "index.html", target: "vbscript:x", reason: .unsafeScheme("vbscript")),
            ])
    }

    @Test func anAnchorMissingFromAStandaloneSVGIsBroken() {
        var site = cleanSite()
        site.documents["charts/a/chart-1.svg"] =
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><use href=\"#mark\"/><a href=\"../../a.html#gone\">S</a></svg>"
        let report = SiteCheck.run(site)
        #expect(
            report.problems == [
                CheckProblem(page: "charts/a/chart-1.svg", target: "#mark", reason: .missingAnchor("mark")),
                CheckProblem(page: "charts/a/chart-1.svg", target: "../../a.html#gone", reason: .missingAnchor("gone")),
            ])
    }

    @Test func anEmptyFolderIsNotABuiltSite() {
        let report = SiteCheck.run(BuiltSite())
        #expect(!report.passed)
        #expect(report.problems.map(\.reason) == [.noPages])
    }

    @Test func aLinkToAMissingPageIsBroken() {
        var site = cleanSite()
        site.documents["index.html"] = page("<a href=\"missing.html\">gone</a> <a href=\"../up.html\">up</a>")
        #expect(
            SiteCheck.run(site).problems.map(\.description) == [
                "index.html: broken link → ../up.html (outside the site)",
                "index.html: broken link → missing.html",
            ])
    }

    @Test func aMissingAnchorIsBroken() {
        var site = cleanSite()
        site.documents["index.html"] = page(
            "<a href=\"a.html#nowhere\">A</a> <a href=\"#also-not\">here</a> <a href=\"a.html#part\">ok</a>")
        #expect(
            SiteCheck.run(site).problems == [
                CheckProblem(page: "index.html", target: "#also-not", reason: .missingAnchor("also-not")),
                CheckProblem(page: "index.html", target: "a.html#nowhere", reason: .missingAnchor("nowhere")),
            ])
    }

    @Test func aMissingAssetIsBroken() {
        var site = cleanSite()
        site.files.remove("assets/style.css")
        site.documents["index.html"] = page("<img src=\"img/p.png\" srcset=\"img/p.png 1x, img/p@2x.png 2x\" alt=\"\">")
        #expect(
            SiteCheck.run(site).problems.map(\.description) == [
                "404.html: broken link → assets/style.css (missing asset)",
                "a.html: broken link → assets/style.css (missing asset)",
                "index.html: broken link → assets/style.css (missing asset)",
                "index.html: broken link → img/p.png (missing asset)",
                "index.html: broken link → img/p@2x.png (missing asset)",
            ])
    }

    @Test func aChartWithoutItsDownloadsIsBroken() {
        var site = cleanSite()
        site.documents["a.html"] = page(
            "<h2 id=\"part\">P</h2><figure class=\"wide chart\" id=\"chart-1\"><svg></svg><a href=\"elsewhere.html\">x</a></figure>"
                + "<figure class=\"chart\"><svg></svg><a href=\"charts/a/chart-1.svg\">SVG</a></figure>"
                + "<a href=\"index.html#main\">back</a>")
        site.files.insert("elsewhere.html")
        #expect(
            SiteCheck.run(site).problems.map(\.description) == [
                "a.html: broken link → #chart-1 (chart has no CSV download)",
                "a.html: broken link → #chart-1 (chart has no SVG download)",
                "a.html: broken link → chart 2 (chart has no CSV download)",
            ])
    }

    @Test func aDownloadThatDoesNotExistIsBroken() {
        var site = cleanSite()
        site.files.remove("charts/a/chart-1.csv")
        #expect(SiteCheck.run(site).problems.map(\.description) == ["a.html: broken link → charts/a/chart-1.csv"])
    }

    @Test func absoluteLinksAreBrokenExceptOnTheNotFoundPage() {
        var site = cleanSite()
        site.documents["index.html"] = page(
            "<a href=\"/a.html\">A</a> <a href=\"mailto:x@example.com\">m</a> <a href=\"//cdn.example/x\">c</a>")
        #expect(
            SiteCheck.run(site).problems == [CheckProblem(page: "index.html", target: "/a.html", reason: .absoluteLink)])
    }

    @Test func problemsAreSortedByPageThenTarget() {
        var site = cleanSite()
        site.documents["b.html"] = page("<a href=\"z.html\">z</a><a href=\"m.html\">m</a>")
        site.documents["index.html"] = page("<a href=\"y.html\">y</a>")
        #expect(
            SiteCheck.run(site).problems.map(\.description) == [
                "b.html: broken link → m.html", "b.html: broken link → z.html", "index.html: broken link → y.html",
            ])
    }

    @Test func linksAreDecodedAndFoldersResolveToTheirIndex() {
        var site = cleanSite()
        site.documents["sub/index.html"] = page("<a href=\"../a.html?x=1#p%61rt\">A</a> <a href=\"../index.html\">up</a>", root: "../")
        site.documents["index.html"] = page("<a href=\"sub/\">sub</a> <a href=\"sub\">sub</a> <a href=\"my%20page.html\">space</a>")
        site.files.insert("my page.html")
        #expect(SiteCheck.run(site).problems == [])
    }
}

@Suite struct HTMLScannerTests {
    @Test func readsQuotedUnquotedAndBareAttributesAndDecodesReferences() {
        let tags = HTMLScanner.tags(in: "<A HREF='x.html?a=1&amp;b=2' data-x=plain download>t</a><img src=\"p&#46;png\"/>")
        #expect(
            tags == [
                HTMLTag(name: "a", attributes: [("href", "x.html?a=1&b=2"), ("data-x", "plain"), ("download", "")]),
                HTMLTag(name: "a", isStart: false),
                HTMLTag(name: "img", attributes: [("src", "p.png")]),
            ])
    }

    @Test func skipsCommentsScriptsStylesAndCDATA() {
        let html = """
            <!doctype html><!-- <a href="c.html"> --><script>if (a<b) { x = "<a href='s.html'>" }</script>\
            <style><![CDATA[ a<b ]]></style><svg><![CDATA[ <a href="d.html"> ]]></svg><p id=ok>
            """
        #expect(
            HTMLScanner.tags(in: html).map(\.name) == ["script", "script", "style", "style", "svg", "svg", "p"])
        #expect(HTMLScanner.tags(in: html).last?.attribute("id") == "ok")
    }

    @Test func toleratesTruncatedMarkup() {
        #expect(HTMLScanner.tags(in: "<a href=\"x").map(\.name) == ["a"])
        #expect(HTMLScanner.tags(in: "a < b <").isEmpty)
    }
}
