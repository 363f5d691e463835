import FolioFormat
import Testing

/// Thousands grouping works on bytes; it must group as grouping digit by digit does.
@Suite struct DecimalTextTests {
    /// The grouping written over characters, as a model.
    static func model(_ plain: String, minus: String) -> String {
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? plain.dropFirst() : plain[...]
        let integer = unsigned.prefix { $0 != "." }
        guard integer.allSatisfy({ $0.isASCII && $0.isNumber }) else { return plain }
        var grouped = ""
        for (offset, digit) in integer.enumerated() {
            if offset > 0 && (integer.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (negative ? minus : "") + grouped + unsigned.dropFirst(integer.count)
    }

    @Test func groupsAsTheModelDoes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["0", "1", "5", "9", ".", "-", "e", "١", "万", " "]
        for _ in 0..<3_000 {
            let text = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "0" })
            #expect(DecimalText.groupedWritten(text) == Self.model(text, minus: "\u{2212}"), "\(text.debugDescription)")
        }
    }

    @Test func groupsIntegersFixedAndSignificantFigures() {
        #expect(DecimalText.count(1_234_567) == "1,234,567")
        #expect(DecimalText.count(-1_000) == "-1,000")
        #expect(DecimalText.count(999) == "999")
        #expect(DecimalText.grouped(-1234.5, decimals: 2) == "-1,234.50")
        #expect(DecimalText.groupedWritten("-11100.5") == "\u{2212}11,100.5")
        #expect(DecimalText.significant(80_123, digits: 3) == "80,123")
        #expect(DecimalText.significant(1234.5678, digits: 3) == "1,235")
        #expect(DecimalText.significant(0.01234, digits: 3) == "0.0123")
    }
}
