import Testing

@testable import Folio

/// The build state stores these hashes: their bytes must not change when how they are taken does.
@Suite struct ContentHashTests {
    @Test func combinedPartsAreLengthPrefixedAndHashedAsOne() {
        // sha256("1:a2:bc") and sha256("0:12:twelve bytes3:万"), from Python's hashlib.
        #expect(ContentHash.combine(["a", "bc"]) == "5310a58788781ab25d5ad7c3f85035824b4eb7bdfa394e0ac2186271472b5492")
        #expect(ContentHash.combine(["", "twelve bytes", "万"]) == "9087510a024b54e769d48e4f5dddedb6e1686950be784d305726eade56f065cd")
    }

    @Test func partsThatJoinAlikeStillHashApart() {
        #expect(ContentHash.combine(["ab", "c"]) != ContentHash.combine(["a", "bc"]))
        #expect(ContentHash.combine(["1:a"]) != ContentHash.combine(["1", "a"]))
        var fed = ContentHash.Combining()
        for part in ["x", "", String(repeating: "y", count: 1234)] { fed.add(part) }
        #expect(fed.finish() == ContentHash.combine(["x", "", String(repeating: "y", count: 1234)]))
        #expect(fed.finishBytes().count == 32)
    }
}
