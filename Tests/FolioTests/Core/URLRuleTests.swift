import FolioCore
import Testing

@Suite struct URLSchemeTests {
    @Test(arguments: [
        ("https://x.org", "https"), ("JavaScript:alert(1)", "javascript"), ("mailto:a@b.c", "mailto"),
        (" \tjava\nscript:x", "javascript"), ("\u{0}data:text/html,hi", "data"), ("svn+ssh://x", "svn+ssh"), ("a1.-:x", "a1.-"),
    ])
    func absoluteURLsHaveTheirSchemeLowercased(url: String, scheme: String) {
        #expect(URLScheme.of(url) == scheme)
    }

    @Test(arguments: ["notes.md", "a/b:c", "#top", "?q=a:b", ":x", "1http://x", "+x:y", "jävascript:x", "", "//host/x"])
    func relativeURLsHaveNone(url: String) {
        #expect(URLScheme.of(url) == nil)
    }
}

@Suite struct SafeLinkTests {
    @Test(arguments: ["https://x.org/a?b=1&c", "HTTP://X.ORG", "http://x.org/caf\u{E9}"])
    func webLinksAreSafe(url: String) {
        #expect(SafeLink.isSafe(url))
    }

    @Test(arguments: [
        "javascript:alert(1)", "data:text/html,hi", "mailto:a@b.c", "/local", "x.html", "https:x.org", "http:/x.org",
        "https://x.org/a b", "https://x.org/\u{7F}", "https://x.org/\u{85}", " https://x.org", "https://x.org\n", "ht\ttps://x.org",
    ])
    func anythingElseIsNot(url: String) {
        #expect(!SafeLink.isSafe(url))
    }
}

@Suite struct PercentDecodingTests {
    @Test func escapesBecomeTheirBytes() {
        #expect(PercentDecoding.decode("my%20notes.md") == "my notes.md")
        #expect(PercentDecoding.decode("caf%C3%A9%2Fx") == "café/x")
        #expect(PercentDecoding.decode("plain") == "plain")
        #expect(PercentDecoding.decode("%00") == "\u{0}")
    }

    @Test(arguments: ["%zz.md", "100%", "a%2", "%+f", "%-0", "%C3", "%FF%FE"])
    func malformedEscapesOrBytesThatAreNotUTF8AreNil(text: String) {
        #expect(PercentDecoding.decode(text) == nil)
    }
}
