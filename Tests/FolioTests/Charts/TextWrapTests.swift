import Testing

@testable import FolioCharts

/// Wrapping and shortening labels: between grapheme clusters only, and in work bounded by what is shown.
@Suite struct TextWrapTests {
    /// A family emoji (four people joined by zero-width joiners), a flag, and an `e` with a combining acute.
    static let clusters = ["\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}", "\u{1F1EF}\u{1F1F5}", "e\u{301}"]

    @Test func aWordTooLongForALineBreaksBetweenGraphemeClusters() {
        let word = String(repeating: Self.clusters.joined(), count: 30)
        let lines = TextWrap.lines(word, width: 60, size: 12, maxLines: 0)
        #expect(lines.count > 1)
        #expect(lines.joined() == word, "nothing is lost or added")
        for line in lines {
            // Every line is made of whole clusters: its first and last characters are clusters of the word.
            #expect(line.allSatisfy { Self.clusters.contains(String($0)) }, "a cluster was split in \(line.unicodeScalars.map(\.value))")
        }
    }

    @Test func aShortenedLabelEndsOnAWholeCluster() {
        let label = String(repeating: Self.clusters.joined(), count: 30) + " tail"
        let lines = TextWrap.lines(label, width: 80, size: 12, maxLines: 1)
        #expect(lines.count == 1)
        let line = lines.first ?? ""
        #expect(line.hasSuffix("…"))
        #expect(String(line.dropLast()).allSatisfy { Self.clusters.contains(String($0)) })
    }

    @Test func aHugeLabelKeepsOnlyTheLinesItShows() {
        let lines = TextWrap.lines(String(repeating: "x", count: 2_000_000), width: 100, size: 12, maxLines: 3)
        #expect(lines.count == 3)
        #expect(lines.last?.hasSuffix("…") == true)
    }
}
