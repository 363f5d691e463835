import Testing

@testable import Folio

/// The build state stores these hashes: their bytes must not change when how they are taken does.
@Suite struct ContentHashTests {
    @Test func combinedPartsAreLengthPrefixedAndHashedAsOne() {
        // sha256("1:a2:bc") and sha256("0:12:twelve bytes3:万"), from Python's hashlib.
        #expect(ContentHash.combine(["a", "bc"]) == "5310a58788781ab25d5ad7c3f85035824b4eb7bdfa394e0ac2186271472b5492")
        #expect(ContentHash.combine(["", "twelve bytes", "万"]) == "9087510a024b54e769d48e4f5dddedb6e1686950be784d305726eade56f065cd")
    }

    @Test func bytesAndTextHashAsSHA256() {
        // sha256("abc") and sha256(""), from Python's hashlib.
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        #expect(ContentHash.of("abc") == abc)
        #expect(ContentHash.of(Array("abc".utf8)) == abc)
        #expect(ContentHash.of("abc".utf8.lazy.map { $0 }) == abc)
        #expect(ContentHash.of([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
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
