import FolioCore
import Testing

@Suite struct UTF8ValidationTests {
    @Test func validTextHasNoInvalidByte() {
        #expect(UTF8Validation.firstInvalidByte(in: Array("a\u{0}é€😀\n".utf8)) == nil)
        #expect(UTF8Validation.firstInvalid(in: []) == nil)
    }

    @Test(
        arguments: [
            ([0x61, 0xFF], 1), ([0xC0, 0x80], 0), ([0xE0, 0x80, 0x80], 0), ([0xED, 0xA0, 0x80], 0), ([0xF4, 0x90, 0x80, 0x80], 0),
            ([0x61, 0xE2, 0x82], 1), ([0x61, 0xE2, 0x82, 0x61], 1), ([0x80], 0), ([0xF5, 0x80, 0x80, 0x80], 0),
        ] as [([UInt8], Int)])
    func theFirstByteOfABadSequenceIsFound(bytes: [UInt8], index: Int) {
        #expect(UTF8Validation.firstInvalidByte(in: bytes) == index)
    }

    @Test func searchingCanStartLater() {
        #expect(UTF8Validation.firstInvalidByte(in: [0xFF, 0x61, 0xFE], from: 1) == 2)
        #expect(UTF8Validation.firstInvalidByte(in: [0xFF], from: 1) == nil)
    }

    @Test func positionsCountScalarsAndSkipABOM() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("é€\nab".utf8) + [0xFF]
        let bad = try #require(UTF8Validation.firstInvalid(in: bytes))
        #expect(bad == (line: 2, column: 3))
        #expect(UTF8Validation.position(ofByte: 3, in: bytes) == (line: 1, column: 1))
        #expect(UTF8Validation.position(ofByte: 8, in: bytes) == (line: 1, column: 3))
        let cut = try #require(UTF8Validation.firstInvalid(in: Array("ab".utf8) + [0xC3]))
        #expect(cut == (line: 1, column: 3))
    }

    @Test func onlyALeadingByteOrderMarkCounts() {
        #expect(UTF8Validation.byteOrderMarkLength([0xEF, 0xBB, 0xBF, 0x61]) == 3)
        #expect(UTF8Validation.byteOrderMarkLength([0x61, 0xEF, 0xBB, 0xBF]) == 0)
        #expect(UTF8Validation.byteOrderMarkLength([0xEF, 0xBB]) == 0)
    }
}
