import FolioCore
import FolioMarkdown
import FolioTestSupport
import Synchronization
import Testing

@Suite struct MarkdownRendererTests {
    func render(_ text: String, options: MarkdownOptions = MarkdownOptions(), hooks: MarkdownHooks = .none) throws -> RenderedMarkdown {
        try MarkdownRenderer.render(Array(text.utf8), path: "Content/a.md", options: options, hooks: hooks)
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

    @Test func fencedBlocksAreReplacedWithTheHookOutputEvenInSafeMode() throws {
        let hooks = MarkdownHooks(fencedBlock: { block in
            block.info == "chart" ? "<figure data-body=\"\(block.body.count)\">chart at \(block.location)</figure>" : nil
        })
        let html = try render("# T\n\n```chart\ntype: bar\n```\n\n```swift\nlet x = 1\n```\n", hooks: hooks).html
        #expect(html.contains("<figure data-body=\"10\">chart at Content/a.md:3:1</figure>"))
        #expect(html.contains("<pre><code class=\"language-swift\">let x = 1\n</code></pre>"))
    }

    @Test func blockLocationsCountTheFrontMatterLines() throws {
        let seen = LockedBox<[SourceLocation]>([])
        let hooks = MarkdownHooks(
            fencedBlock: { block in
                seen.append(block.location)
                return nil
            },
            inlineCode: { span in
                seen.append(span.location)
                return nil
            })
        _ = try render("Some `=x.y[last]` here.\n\n```table\ndata: x\n```\n", options: MarkdownOptions(lineOffset: 4), hooks: hooks)
        #expect(
            seen.value == [
                SourceLocation(path: "Content/a.md", line: 7, column: 1), SourceLocation(path: "Content/a.md", line: 5, column: 6),
            ])
    }

    @Test func inlineCodeIsReplacedAndOtherCodeKept() throws {
        let hooks = MarkdownHooks(inlineCode: { span in
            span.code.hasPrefix("=") ? "<data value=\"1\">one</data>" : nil
        })
        let html = try render("A `=v` and `code`.", hooks: hooks).html
        #expect(html == "<p>A <data value=\"1\">one</data> and <code>code</code>.</p>\n")
    }

    @Test func linksAreRewrittenByTheHook() throws {
        let hooks = MarkdownHooks(link: { link in
            link.url.hasSuffix(".md") ? String(link.url.dropLast(3)) + ".html" : nil
        })
        let html = try render("[a](b/c.md) and [x](https://example.com/)", hooks: hooks).html
        #expect(html == "<p><a href=\"b/c.html\">a</a> and <a href=\"https://example.com/\">x</a></p>\n")
    }

    @Test func everyHookErrorIsCollected() throws {
        let hooks = MarkdownHooks(inlineCode: { span in
            throw Diagnostic(at: span.location, message: "bad \(span.code)")
        })
        let found = diagnostics { _ = try render("A `one`\n\n`two`", hooks: hooks) }
        #expect(
            found == [
                Diagnostic(at: SourceLocation(path: "Content/a.md", line: 1, column: 3), message: "bad one"),
                Diagnostic(at: SourceLocation(path: "Content/a.md", line: 3, column: 1), message: "bad two"),
            ])
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

    @Test func headingAnchorsNeverRepeatAnIdABlockEmitted() throws {
        let hooks = MarkdownHooks(fencedBlock: { _ in "<figure id=\"chart-1\"></figure>" })
        let rendered = try render("```chart\nx\n```\n\n## Chart 1\n", hooks: hooks)
        #expect(rendered.headings == [Heading(level: 2, text: "Chart 1", id: "chart-1-2")])
    }

    @Test func invalidUTF8IsAnErrorAtTheFirstBadByte() {
        var bytes = Array("line one\nab".utf8)
        bytes.append(0xFF)
        bytes += Array("c\n".utf8)
        let found = diagnostics { _ = try MarkdownRenderer.render(bytes, path: "Content/a.md", options: MarkdownOptions(lineOffset: 1)) }
        #expect(found == [Diagnostic(at: SourceLocation(path: "Content/a.md", line: 3, column: 3), MarkdownIssue.invalidUTF8)])
    }

    @Test func pathologicalInputsPastTheCapAreRefusedBeforeCmarkSeesThem() {
        let shapes = [
            String(repeating: "![[]()", count: 60_000), String(repeating: "[", count: 300_000), String(repeating: "*a _b ", count: 50_000),
        ]
        for shape in shapes {
            let bytes = Array(shape.utf8)
            #expect(bytes.count > MarkdownRenderer.maxBytes)
            let found = diagnostics { _ = try MarkdownRenderer.render(bytes, path: "Content/a.md") }
            #expect(
                found == [
                    Diagnostic(
                        at: SourceLocation(path: "Content/a.md"),
                        MarkdownIssue.tooLarge(bytes: bytes.count, limit: MarkdownRenderer.maxBytes))
                ])
        }
    }
}

/// A lock-protected box for collecting values from `@Sendable` hooks in tests.
final class LockedBox<Value: Sendable>: Sendable {
    private let stored: Mutex<Value>
    init(_ value: Value) { stored = Mutex(value) }
    var value: Value { stored.withLock { $0 } }
    func append<Element>(_ element: Element) where Value == [Element] { stored.withLock { $0.append(element) } }
}
