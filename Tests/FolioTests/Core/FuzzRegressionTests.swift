import FolioCore
import Testing

/// Inputs the fuzzers (Fuzz/) found, kept so the bugs stay fixed.
@Suite struct CoreFuzzRegressionTests {
    /// A prepended mark (U+0D4E, grapheme break class Prepend) joins the next character, even `<` or a
    /// space, into one `Character` that still counts as a letter: the slug (a heading's `id`) took the `<`.
    @Test func slugDropsCharactersThatCarryMarkupOrSpace() {
        #expect(Slug.make("\u{0D4E}<b>") == "b")
        #expect(Slug.make("a \u{0D4E} b") == "a-b")
        #expect(Slug.make("\u{0D4E}<script>alert(1)</script>") == "script-alert-1-script")
        #expect(Slug.make("x \u{0D4E}") == "x-\u{0D4E}")
    }

    @Test func slugsHoldNoASCIIButLowercaseLettersDigitsAndDashes() {
        for text in ["\u{0D4E}\"x", "\u{0D4E}'", "\u{0D4E}&amp;", "\u{0D4E}\u{A0}", "\u{111C2}>", "\u{0D4E}\t9"] {
            let slug = Slug.make(text)
            #expect(
                slug.unicodeScalars.allSatisfy { !$0.isASCII || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" },
                "\(text.debugDescription) → \(slug.debugDescription)")
            #expect(!slug.unicodeScalars.contains { $0.properties.isWhitespace })
        }
    }
}
