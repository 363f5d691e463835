import FolioBlocks
import FolioCore
import FolioData
import FolioTestSupport
import FolioYAML
import Testing

/// Hostile data, titles, captions and sources never reach the HTML or SVG raw (issue 7).
@Suite struct InjectionTests {
    static let hostileCSV = #"""
        label,value,note
        "<script>alert(1)</script>",1,"a & b"
        """\#u{301} onmouseover=""\#u{301}alert(1)",2,x
        "bell\#u{7}nul\#u{1}esc\#u{1B}",3,y
        "<img src=x onerror=alert(1)>",4,"]]><svg onload=alert(1)>"

        """#
    static let hostileMeta = """
        source: {title: "<b>S</b> & \\"\u{301}co", url: "https://x.org/?q=\\"><script>alert(1)</script>"}

        """

    let renderer: BlockRenderer

    init() throws {
        renderer = try Fixture.renderer([Fixture.file("evil.csv", Self.hostileCSV), Fixture.file("evil.meta.yml", Self.hostileMeta)])
    }

    /// Nothing in `text` opens an element or attribute that the data wrote.
    func expectNothingRaw(_ text: String, _ label: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for raw in ["<script", "<img", "<b>", "<svg onload", "\"\u{301} onmouseover", "javascript:", "JaVaScRiPt:"] {
            #expect(!text.contains(raw), "\(label) contains \(raw)", sourceLocation: sourceLocation)
        }
        #expect(!text.unicodeScalars.contains { $0 == "\u{0}" || $0 == "\u{1}" || $0 == "\u{7}" || $0 == "\u{1B}" } || label == "html")
    }

    @Test func hostileCellsTitlesAndSourcesInACharts() throws {
        let body = """
            type: bar
            data: evil
            x: label
            y: value
            title: "<script>alert('t')</script> & \\"\u{301}"
            subtitle: "<i>sub</i>"
            note: "<u>n</u>"
            labels: true
            annotations:
              - {x: "<script>alert(1)</script>", text: "<b>boom</b>"}
            """
        let rendered = try chart(body, with: renderer)
        // The frame's title and subtitle are escaped by the theme's partial (see the site tests).
        let title = "<script>alert('t')</script> & \"\u{301}"
        #expect(rendered.frame.title == title)
        let html = rendered.frame.graphicHTML + rendered.frame.tableHTML + (rendered.frame.sourceHTML ?? "")
        expectNothingRaw(html, "html")
        #expect(!html.contains("<i>") && !html.contains("<u>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; &quot;\u{301}"))
        #expect(html.contains("&lt;b&gt;S&lt;/b&gt; &amp; &quot;\u{301}co"))
        let svg = rendered.svg
        expectNothingRaw(svg, "svg")
        #expect(!svg.contains("<i>") && !svg.contains("<u>"))
        #expect(try XMLLint.problems(svg) == nil)
    }

    @Test func controlCharactersNeverReachTheSVG() throws {
        let body = "type: hbar\ndata: evil\nx: label\ny: value\ntitle: \"t\\x07\\x01\"\nlabels: true\n"
        let rendered = try chart(body, with: renderer)
        for svg in [rendered.svg, rendered.frame.graphicHTML] {
            let start = try #require(svg.range(of: "<svg"), "no <svg> to check")
            let end = try #require(svg.range(of: "</svg>", options: .backwards), "the <svg> is not closed")
            let inside = svg[start.lowerBound..<end.upperBound]
            #expect(!inside.unicodeScalars.contains { !Escape.isXMLAllowed($0) })
        }
        #expect(try XMLLint.problems(rendered.svg) == nil)
    }

    @Test func hostileCellsInATable() throws {
        let html = try table("data: evil\ncaption: \"<script>c</script>\"", with: renderer)
        expectNothingRaw(html, "html")
        #expect(html.contains("<caption>&lt;script&gt;c&lt;/script&gt;</caption>"))
        #expect(html.contains("<td>&quot;\u{301} onmouseover=&quot;\u{301}alert(1)</td>"))
        #expect(html.contains("<td>]]&gt;&lt;svg onload=alert(1)&gt;</td>"))
    }

    @Test func hostileInlineValues() throws {
        let html = try #require(try inlineHTML("=evil.label[value=1]", with: renderer, at: Article.at(1, 1)))
        #expect(html == "<data value=\"&lt;script&gt;alert(1)&lt;/script&gt;\">&lt;script&gt;alert(1)&lt;/script&gt;</data>")
        let quote = try #require(try inlineHTML("=evil.label[value=2]", with: renderer, at: Article.at(1, 1)))
        #expect(quote.hasPrefix("<data value=\"&quot;\u{301} onmouseover=&quot;\u{301}alert(1)\">"))
        let note = try #require(try inlineHTML("=evil.note[label=<script>alert(1)</script>]", with: renderer, at: Article.at(1, 1)))
        #expect(note == "<data value=\"a &amp; b\">a &amp; b</data>")
    }

    @Test(arguments: [
        "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)", "\tjavascript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example/x", "file:///etc/passwd", "ftp://x.org/",
        "https://ok.example/a b", "https://ok.example/\u{1}", "http:\t//x.org",
    ])
    func sourceURLsOtherThanWebLinksAreRefusedWhereWritten(url: String) throws {
        let escapedURL = url.replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\u{1}", with: "\\x01")
        let body = """
            type: bar
            data: fin
            x: year
            y: revenue_usd_m
            title: T
            source: {title: Filing, url: "\(escapedURL)"}
            """
        let refused = [Diagnostic(at: Article.body(6, 30), YAMLIssue.unsafeSourceURL(url))]
        #expect(chartErrors(body, with: renderer) == refused)
        let table = "data: fin\nsource: {title: Filing, url: \"\(escapedURL)\"}"
        #expect(tableErrors(table, with: renderer) == [Diagnostic(at: Article.body(2, 30), YAMLIssue.unsafeSourceURL(url))])
        let meta = Fixture.file("fin.meta.yml", "source: {title: Filing, url: \"\(escapedURL)\"}\n")
        let error = #expect(throws: Diagnostics.self) { try Fixture.library([meta]) }
        #expect(error?.all.map(\.message) == [YAMLIssue.unsafeSourceURL(url).message])
    }

    @Test func webSourceURLsAreEscapedLinks() throws {
        let body = "type: bar\ndata: fin\nx: year\ny: revenue_usd_m\ntitle: T\nsource: {title: F, url: \"HTTPS://x.org/?a=1&b=\\\"2\"}\n"
        let rendered = try chart(body, with: renderer)
        #expect(rendered.frame.sourceHTML == "Source: <a href=\"HTTPS://x.org/?a=1&amp;b=&quot;2\">F</a>")
        #expect(try XMLLint.problems(rendered.svg) == nil)
    }

    @Test func aSidecarSourceWithHostileTextAndURLIsAnEscapedLink() throws {
        let html = try table("data: evil\ncolumns: [value]", with: renderer)
        #expect(
            html.contains(
                "<p class=\"chart-source\">Source: <a href=\"https://x.org/?q=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">"
                    + "&lt;b&gt;S&lt;/b&gt; &amp; &quot;\u{301}co</a>.</p>"))
    }

    @Test func hostileColumnNamesAndLabels() throws {
        let library = try Fixture.library([Fixture.file("cols.csv", "\"<th>\",\"a\"\"b\"\nx,1\n")])
        let renderer = BlockRenderer(datasets: library)
        let rendered = try chart("type: bar\ndata: cols\nx: <th>\ny: a\"b\ntitle: T\n", with: renderer)
        #expect(!rendered.frame.tableHTML.contains("<th>x") && !rendered.frame.tableHTML.contains(">A\"b<"))
        #expect(!rendered.frame.graphicHTML.contains("<th>x") && !rendered.frame.graphicHTML.contains(">A\"b<"))
        #expect(try XMLLint.problems(rendered.svg) == nil)
        let csv = rendered.csv
        #expect(csv.hasPrefix("<th>,\"a\"\"b\"\r\n"))
        let table = try table("data: cols\ncolumns: [{key: \"<th>\", label: \"<em>L</em>\"}]", with: renderer)
        #expect(table.contains("<th scope=\"col\">&lt;em&gt;L&lt;/em&gt;</th>"))
    }
}
