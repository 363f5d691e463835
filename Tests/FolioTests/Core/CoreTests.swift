import FolioCore
import Testing

typealias SourceLocation = FolioCore.SourceLocation

@Suite struct EscapeTests {
    @Test func htmlEscapesEveryScalarEvenBeforeACombiningMark() {
        #expect(Escape.html("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;")
        #expect(Escape.html("\"\u{301}") == "&quot;\u{301}")
        #expect(Escape.html("'\u{20DD}") == "&#39;\u{20DD}")
    }

    @Test func htmlReplacesControlCharactersButKeepsWhitespace() {
        #expect(Escape.html("a\u{0}b\u{7}c\u{85}d\te\nf\rg") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\te\nf\rg")
        // The C1 range ends at U+009F: U+00A0 and other two-byte letters pass; a Substring escapes the same.
        #expect(Escape.html("\u{80}\u{9F}\u{A0}é€<") == "\u{FFFD}\u{FFFD}\u{A0}é€&lt;")
        #expect(Escape.html("x\u{7F}é&y".dropFirst()) == "\u{FFFD}é&amp;y")
    }

    @Test func xmlReplacesCharactersXMLForbids() {
        #expect(Escape.xml("a\u{0}b\u{1B}c\td\n") == "a\u{FFFD}b\u{FFFD}c\td\n")
        #expect(Escape.xml("\u{FFFE}<") == "\u{FFFD}&lt;")
    }
}

@Suite struct DiagnosticTests {
    @Test func diagnosticsAreSortedByPathLineColumnAndDeduplicated() {
        let a = Diagnostic(at: SourceLocation(path: "b.md", line: 1, column: 1), message: "x")
        let b = Diagnostic(at: SourceLocation(path: "a.md", line: 10, column: 2), message: "y")
        let c = Diagnostic(at: SourceLocation(path: "a.md", line: 9, column: 5), message: "z")
        #expect(Diagnostics([a, b, c, a]).all == [c, b, a])
        #expect(a.description == "b.md:1:1: x")
    }

    @Test func theCollectorKeepsGoingAndThrowsEverything() {
        var collector = DiagnosticCollector()
        let first = collector.capture { () throws(Diagnostic) -> Int in
            throw Diagnostic(at: SourceLocation(path: "a"), message: "one")
        }
        let second = collector.capture { () throws(Diagnostic) -> Int in 2 }
        #expect(first == nil)
        #expect(second == 2)
        #expect(throws: Diagnostics.self) { try collector.throwIfAny() }
        #expect(collector.diagnostics.count == 1)
    }
}

@Suite struct SlugTests {
    @Test func slugsAreLowercaseWordsJoinedByDashes() {
        #expect(Slug.make("The IPO: $1.5B at $40!") == "the-ipo-1-5b-at-40")
        #expect(Slug.make("Über Größe") == "über-größe")
        #expect(Slug.make("???") == "section")
    }

    /// All-ASCII text takes a byte path; text with one non-ASCII letter takes the Unicode path, and
    /// both must agree on the ASCII part.
    @Test func asciiHeadingsSlugAsTheUnicodePathDoes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZ09 -_.:!?\t\r\n$<&\u{7F}\u{1}")
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 1...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
            let ascii = Slug.make(text)
            let unicode = Slug.make(text + " é")
            #expect(unicode == (ascii == "section" ? "é" : ascii + "-é"), "\(text.debugDescription)")
        }
    }

    @Test func repeatsAndReservedIdsGetSuffixes() {
        var uniquer = Slug.Uniquer(reserved: ["debt"])
        #expect(uniquer.unique("Debt") == "debt-2")
        #expect(uniquer.unique("Debt") == "debt-3")
        #expect(uniquer.unique("Loss") == "loss")
    }

    @Test func manyIdenticalHeadingsStayDistinctAndAHeadingLikeASuffixIsSkipped() {
        var uniquer = Slug.Uniquer()
        let ids = (0..<20_000).map { _ in uniquer.unique("Notes") }
        #expect(Set(ids).count == 20_000)
        #expect(ids.first == "notes" && ids.last == "notes-20000")
        var mixed = Slug.Uniquer()
        #expect(mixed.unique("Notes") == "notes")
        #expect(mixed.unique("Notes 3") == "notes-3")
        #expect(mixed.unique("Notes") == "notes-2")
        #expect(mixed.unique("Notes") == "notes-4")
    }
}

@Suite struct RelativePathTests {
    @Test(arguments: [
        ("index.html", "a/b.html", "a/b.html"),
        ("a/b.html", "index.html", "../index.html"),
        ("a/b.html", "a/c.html", "c.html"),
        ("a/b/c.html", "a/d/e.html", "../d/e.html"),
        ("a/b.html", "charts/a/b/chart-1.svg", "../charts/a/b/chart-1.svg"),
        ("index.html", "page-1.html", "page-1.html"),
        ("index.html", "a//b.html", "a/b.html"),
        ("index.html", "/a/b.html", "a/b.html"),
        ("index.html", "a/", "a"),
        ("a/b.html", "a/b.html", "b.html"),
        ("a/b/c.html", "a/b/d.html", "d.html"),
        ("a//b.html", "a/c.html", "c.html"),
        ("a/b.html", "a//c.html", "c.html"),
        ("a/b.html", "b/c.html", "../b/c.html"),
        ("a/b.html", "a/c/", "c"),
        ("/a/b.html", "/a/c.html", "c.html"),
    ])
    func linksAreRelative(from: String, to: String, expected: String) {
        #expect(RelativePath.link(from: from, to: to) == expected)
    }

    @Test func resolvingStaysInsideTheRoot() {
        #expect(RelativePath.resolve("../c.md", againstFileAt: "a/b.md") == "c.md")
        #expect(RelativePath.resolve("./x/../y.md", againstFileAt: "a/b.md") == "a/y.md")
        #expect(RelativePath.resolve("../../c.md", againstFileAt: "a/b.md") == nil)
        #expect(RelativePath.root(from: "a/b/c.html") == "../../")
    }
}
