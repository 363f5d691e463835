import FolioCore
import FolioMarkdown
import FolioTestSupport
import Testing

@Suite struct MarkdownParserTests {
    func parse(_ text: String, options: MarkdownOptions = MarkdownOptions()) throws -> ParsedMarkdown {
        try MarkdownParser.parse(Array(text.utf8), path: "Content/a.md", options: options)
    }

    func render(_ text: String, options: MarkdownOptions = MarkdownOptions()) throws -> RenderedMarkdown {
        try parse(text, options: options).render()
    }

    /// Parses `text`, replaces each piece `replace` returns something for, and renders.
    func render(_ text: String, replacing replace: (MarkdownPiece) -> MarkdownReplacement?) throws -> RenderedMarkdown {
        let parsed = try parse(text)
        var replacements: [Int: MarkdownReplacement] = [:]
        for (index, piece) in parsed.pieces.enumerated() { replacements[index] = replace(piece) }
        return try parsed.render(replacements)
    }

    @Test func smartPunctuationIsOnByDefault() throws {
        let html = try render("\"Quoted\" -- it's 2022--2024...").html
        #expect(html == "<p>\u{201C}Quoted\u{201D} \u{2013} it\u{2019}s 2022\u{2013}2024\u{2026}</p>\n")
    }

    @Test func rawHTMLIsLeftOutUnlessAllowed() throws {
        let source = "<script>alert(1)</script>\n\nText <b>bold</b>\n"
        let safe = try render(source).html
        #expect(!safe.contains("<script>"))
        #expect(!safe.contains("<b>"))
        let unsafe = try render(source, options: MarkdownOptions(allowRawHTML: true)).html
        #expect(unsafe.contains("<script>alert(1)</script>"))
    }

    @Test func piecesAreListedInDocumentOrderWithTheirLocations() throws {
        let text = "Some `=x.y[last]` and [a link](b.md).\n\n```table\ndata: x\n```\n\n![img](p.png)\n"
        let parsed = try parse(text, options: MarkdownOptions(lineOffset: 4))
        #expect(
            parsed.pieces == [
                .inlineCode(InlineCode(code: "=x.y[last]", location: SourceLocation(path: "Content/a.md", line: 5, column: 6))),
                .link(LinkDestination(url: "b.md", location: SourceLocation(path: "Content/a.md", line: 5, column: 23), isImage: false)),
                .fencedBlock(
                    FencedBlock(info: "table", body: "data: x\n", location: SourceLocation(path: "Content/a.md", line: 7, column: 1))),
                .link(LinkDestination(url: "p.png", location: SourceLocation(path: "Content/a.md", line: 11, column: 1), isImage: true)),
            ])
    }

    @Test func fencedBlocksAreReplacedEvenInSafeModeAndOthersKept() throws {
        let html = try render("# T\n\n```chart\ntype: bar\n```\n\n```swift\nlet x = 1\n```\n") { piece in
            guard case .fencedBlock(let block) = piece, block.kind == "chart" else { return nil }
            return .html("<figure data-body=\"\(block.body.count)\">chart at \(block.location)</figure>")
        }.html
        #expect(html.contains("<figure data-body=\"10\">chart at Content/a.md:3:1</figure>"))
        #expect(html.contains("<pre><code class=\"language-swift\">let x = 1\n</code></pre>"))
    }

    @Test func inlineCodeIsReplacedAndOtherCodeKept() throws {
        let html = try render("A `=v` and `code`.") { piece in
            guard case .inlineCode(let span) = piece, span.code.hasPrefix("=") else { return nil }
            return .html("<data value=\"1\">one</data>")
        }.html
        #expect(html == "<p>A <data value=\"1\">one</data> and <code>code</code>.</p>\n")
    }

    @Test func linksGetTheirNewDestination() throws {
        let html = try render("[a](b/c.md) and [x](https://example.com/)") { piece in
            guard case .link(let link) = piece, link.url.hasSuffix(".md") else { return nil }
            return .url(String(link.url.dropLast(3)) + ".html")
        }.html
        #expect(html == "<p><a href=\"b/c.html\">a</a> and <a href=\"https://example.com/\">x</a></p>\n")
    }

    @Test func aReplacementOfTheWrongKindIsIgnored() throws {
        let html = try render("[a](b.md) `c`") { piece in
            if case .link = piece { return .html("<b>no</b>") }
            return .url("nowhere")
        }.html
        #expect(html == "<p><a href=\"b.md\">a</a> <code>c</code></p>\n")
    }

    @Test func headingsGetUniqueIdsForATableOfContents() throws {
        let rendered = try render("## The IPO\n\ntext\n\n## The *IPO*\n\n### Debt & loss\n")
        #expect(
            rendered.headings == [
                Heading(level: 2, text: "The IPO", id: "the-ipo"),
                Heading(level: 2, text: "The IPO", id: "the-ipo-2"),
                Heading(level: 3, text: "Debt & loss", id: "debt-loss"),
            ])
        #expect(rendered.html.contains("<h2 id=\"the-ipo-2\">The <em>IPO</em></h2>"))
        #expect(rendered.html.contains("<h3 id=\"debt-loss\">Debt &amp; loss</h3>"))
    }

    @Test func headingAnchorsNeverRepeatAReservedID() throws {
        let parsed = try parse("```chart\nx\n```\n\n## Chart 1\n")
        let rendered = try parsed.render([0: .html("<figure id=\"chart-1\"></figure>")], reservedIDs: ["chart-1"])
        #expect(rendered.headings == [Heading(level: 2, text: "Chart 1", id: "chart-1-2")])
        #expect(rendered.html == "<figure id=\"chart-1\"></figure>\n<h2 id=\"chart-1-2\">Chart 1</h2>\n")
    }

    @Test func invalidUTF8IsAnErrorAtTheFirstBadByte() {
        var bytes = Array("line one\nab".utf8)
        bytes.append(0xFF)
        bytes += Array("c\n".utf8)
        let found = diagnostics { _ = try MarkdownParser.parse(bytes, path: "Content/a.md", options: MarkdownOptions(lineOffset: 1)) }
        #expect(found == [Diagnostic(at: SourceLocation(path: "Content/a.md", line: 3, column: 3), MarkdownIssue.invalidUTF8)])
    }

    @Test func pathologicalInputsPastTheCapAreRefusedBeforeCmarkSeesThem() {
        let shapes = [
            String(repeating: "![[]()", count: 60_000), String(repeating: "[", count: 300_000), String(repeating: "*a _b ", count: 50_000),
        ]
        for shape in shapes {
            let bytes = Array(shape.utf8)
            #expect(bytes.count > MarkdownParser.maxBytes)
            let found = diagnostics { _ = try MarkdownParser.parse(bytes, path: "Content/a.md") }
            #expect(
                found == [
                    Diagnostic(
                        at: SourceLocation(path: "Content/a.md"), MarkdownIssue.tooLarge(bytes: bytes.count, limit: MarkdownParser.maxBytes)
                    )
                ])
        }
    }
}
