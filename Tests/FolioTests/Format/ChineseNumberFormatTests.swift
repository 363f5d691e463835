import FolioFormat
import Testing

/// SPEC §8: Chinese formats use 万, 亿 and 万亿 with the currency after the number.
@Suite struct ChineseNumberFormatTests {
    @Test(arguments: [
        // The SPEC's own examples.
        ("number", 9999.0, "9999"),
        ("number", 12345, "1.23万"),
        ("usd_m", -863.4, "\u{2212}8.63亿美元"),
        ("usd_b", 500, "5000亿美元"),
        ("usd_b", 1500, "1.5万亿美元"),
        ("percent", 62, "62%"),
        ("multiple", 4.5, "4.5倍"),
        // Each step's edge: the whole digits below it, the word from it on, rounding up into it.
        ("number", 10000, "1万"),
        ("number", 9999.4, "9999"),
        ("number", 9999.5, "1万"),
        ("number", 99_990_000, "9999万"),
        ("number", 99_994_999, "9999万"),
        ("number", 99_995_000, "1亿"),
        ("number", 100_000_000, "1亿"),
        ("number", 999_950_000_000, "1万亿"),
        ("number", 123_456_789, "1.23亿"),
        ("number", 1234.4, "1234"),
        ("number", 0.125, "0.125"),
        ("number", 0, "0"),
        // Money in thousands, millions, billions; signs; fixed decimals after scaling.
        ("usd_k", 2500, "250万美元"),
        ("usd", 40, "40美元"),
        ("usd_b", 80, "800亿美元"),
        ("usd_m", 1900, "19亿美元"),
        ("usd_m:1", -863.4, "\u{2212}8.6亿美元"),
        ("usd_b:1", 500, "5000.0亿美元"),
        ("fraction+", 0.34, "+34%"),
        ("usd_m+", -863.4, "\u{2212}8.63亿美元"),
        ("number:0", 1_234_567, "1,234,567"),
        ("multiple", 12345, "1.23万倍"),
        ("usd_b", 2e9, "2×10¹⁸美元"),
    ])
    func formatsEachRow(format: String, value: Double, expected: String) throws {
        let format = try #require(NumberFormat(parsing: format))
        #expect(format.format(value, in: .chinese) == expected)
    }

    @Test func aRangeCarriesTheUnitOnce() throws {
        let usdB = try #require(NumberFormat(parsing: "usd_b"))
        #expect(usdB.formatRange(60, 65, in: .chinese) == "600\u{2013}650亿美元")
        #expect(usdB.formatRange(0.5, 1.5, in: .chinese) == "5\u{2013}15亿美元")
        // Different steps: each bound carries its own.
        #expect(usdB.formatRange(500, 1500, in: .chinese) == "5000亿美元\u{2013}1.5万亿美元")
        let number = try #require(NumberFormat(parsing: "number"))
        #expect(number.formatRange(-3, 5, in: .chinese) == "\u{2212}3\u{2013}5")
    }

    @Test func theLanguageCodePicksTheWords() {
        #expect(NumberLanguage.forCode("zh") == .chinese)
        #expect(NumberLanguage.forCode("zh-Hans") == .chinese)
        #expect(NumberLanguage.forCode("ZH-tw") == .chinese)
        #expect(NumberLanguage.forCode("en") == .english)
        #expect(NumberLanguage.forCode("zhx") == .english)
        // English is the default and unchanged.
        #expect(NumberFormat(.usdB).format(500) == NumberFormat(.usdB).format(500, in: .english))
    }
}
