import Foundation
import Testing

@testable import FolioFormat

@Suite struct NumberFormatTests {
    @Test(arguments: [
        ("number", 1_234_567.0, "1.23M"),
        ("number:0", 1_234_567.0, "1,234,567"),
        ("usd", 1_500_000_000.0, "$1.5B"),
        ("usd_m", -863.4, "\u{2212}$863M"),
        ("usd_m", 1500, "$1.5B"),
        ("usd_b", 80, "$80B"),
        ("usd_b", 500, "$500B"),
        ("usd_k", 2500, "$2.5M"),
        ("percent", 62, "62%"),
        ("fraction", 0.62, "62%"),
        ("usd_m:1", -863.4, "\u{2212}$863.4M"),
        ("number", 999_999, "1M"),
        ("number", 0, "0"),
        ("number", 2024, "2.02K"),
        ("usd", 40, "$40"),
    ])
    func formatsEverySpecRow(format: String, value: Double, expected: String) throws {
        let format = try #require(NumberFormat(parsing: format))
        #expect(format.format(value) == expected)
    }

    @Test func formatsARangeWithTheUnitOnce() throws {
        let format = try #require(NumberFormat(parsing: "usd_b"))
        #expect(format.formatRange(60, 65) == "$60\u{2013}65B")
        #expect(format.formatRange(0.8, 1.2) == "$800M\u{2013}$1.2B")
    }

    @Test func unitPicksTheFormat() {
        #expect(NumberFormat(unit: "USD millions") == NumberFormat(.usdM))
        #expect(NumberFormat(unit: "USD billions") == NumberFormat(.usdB))
        #expect(NumberFormat(unit: "percent of revenue") == NumberFormat(.percent))
        #expect(NumberFormat(unit: "shares") == NumberFormat(.number))
        #expect(NumberFormat(unit: nil) == NumberFormat(.number))
    }

    @Test func rejectsUnknownNamesAndDecimals() {
        #expect(NumberFormat(parsing: "pie") == nil)
        #expect(NumberFormat(parsing: "usd:x") == nil)
        #expect(NumberFormat(parsing: "usd:99") == nil)
    }

    @Test(arguments: [
        ("usd", 1e15, "$1,000T"),
        ("number", 1e18, "1×10¹⁸"),
        ("usd", 1e308, "$1×10³⁰⁸"),
        ("usd", -1.5e20, "\u{2212}$1.5×10²⁰"),
        ("percent", 1e300, "1×10³⁰⁰%"),
        ("number:0", 1e308, "1×10³⁰⁸"),
        ("usd_b", 1.797e299, "$1.8×10³⁰⁸"),
    ])
    func hugeValuesStayShort(format: String, value: Double, expected: String) throws {
        let format = try #require(NumberFormat(parsing: format))
        #expect(format.format(value) == expected)
    }

    @Test func nonFiniteValuesShowADash() {
        #expect(NumberFormat(.usd).format(.nan) == "\u{2013}")
        #expect(NumberFormat(.usd).format(.infinity) == "\u{2013}")
        #expect(NumberFormat(.usd).formatRange(1, .nan) == "\u{2013}")
    }

    @Test(arguments: [
        ("usd_m", 15.8, "$15.8M"),
        ("usd_m", 228.9, "$229M"),
        ("usd_m", 1915.4, "$1.92B"),
        ("usd_b", -0.5, "\u{2212}$500M"),
        ("percent:1", 62, "62.0%"),
        ("fraction:1", 0.625, "62.5%"),
        ("usd_b:1", 80, "$80.0B"),
    ])
    func chartLabelRows(format: String, value: Double, expected: String) throws {
        let format = try #require(NumberFormat(parsing: format))
        #expect(format.format(value) == expected)
    }

    @Test func rangeOfNegativesAndEqualBounds() throws {
        let format = try #require(NumberFormat(parsing: "usd_b"))
        #expect(format.formatRange(100, 105) == "$100\u{2013}105B")
        #expect(format.formatRange(-65, -60) == "\u{2212}$65\u{2013}\u{2212}60B")
    }
}

/// `multiple` (4.52 → `4.52×`) and `FORMAT+` (a sign on positive values).
@Suite struct MultipleAndPlusFormatTests {
    @Test(arguments: [
        ("multiple", 4.52, "4.52\u{00D7}"),
        ("multiple:1", 4.52, "4.5\u{00D7}"),
        ("multiple", 12, "12\u{00D7}"),
        ("multiple", 999.9, "1K\u{00D7}"),
        ("multiple", 1234.5, "1.23K\u{00D7}"),
        ("multiple:1", 1234.5, "1.2K\u{00D7}"),
        ("multiple", -2.5, "\u{2212}2.5\u{00D7}"),
        ("multiple", 0, "0\u{00D7}"),
        ("multiple", 1e18, "1\u{00D7}10\u{00B9}\u{2078}\u{00D7}"),
        ("multiple+", 4.52, "+4.52\u{00D7}"),
        ("fraction+", 0.34, "+34%"),
        ("fraction+", -0.03, "\u{2212}3%"),
        ("fraction+", 0, "0%"),
        ("fraction+:1", 0.34, "+34.0%"),
        ("fraction+:0", 0.001, "0%"),
        ("percent+", 62, "+62%"),
        ("usd_m+:1", 15.8, "+$15.8M"),
        ("usd_m+", -863.4, "\u{2212}$863M"),
        ("usd+", 1.5e20, "+$1.5\u{00D7}10\u{00B2}\u{2070}"),
        ("number+", 1_234_567, "+1.23M"),
        ("number+:0", 1_234_567, "+1,234,567"),
    ])
    func formats(format: String, value: Double, expected: String) throws {
        let format = try #require(NumberFormat(parsing: format))
        #expect(format.format(value) == expected)
    }

    @Test(arguments: [
        ("multiple", 2.6, 3.3, "2.6\u{2013}3.3\u{00D7}"),
        ("multiple:1", 2.6, 3.3, "2.6\u{2013}3.3\u{00D7}"),
        ("multiple", 800, 1200, "800\u{00D7}\u{2013}1.2K\u{00D7}"),
        ("fraction+", 0.02, 0.05, "+2\u{2013}+5%"),
        ("fraction+", -0.03, 0.05, "\u{2212}3\u{2013}+5%"),
        ("fraction+", 0, 0.05, "0\u{2013}+5%"),
        ("usd_b+", 60, 65, "+$60\u{2013}+65B"),
        ("usd_b+", 0.8, 1.2, "+$800M\u{2013}+$1.2B"),
    ])
    func formatsRangesWithEachBoundSigned(format: String, low: Double, high: Double, expected: String) throws {
        let format = try #require(NumberFormat(parsing: format))
        #expect(format.formatRange(low, high) == expected)
    }

    @Test(arguments: [
        ("multiple", NumberFormat(.multiple)),
        ("multiple:1", NumberFormat(.multiple, decimals: 1)),
        ("fraction+", NumberFormat(.fraction, showsPlus: true)),
        ("fraction+:1", NumberFormat(.fraction, decimals: 1, showsPlus: true)),
        ("usd_m+:1", NumberFormat(.usdM, decimals: 1, showsPlus: true)),
        ("number+:0", NumberFormat(.number, decimals: 0, showsPlus: true)),
        ("usd_b", NumberFormat(.usdB)),
    ])
    func parsesAndDescribesItselfTheSameWay(text: String, format: NumberFormat) {
        #expect(NumberFormat(parsing: text) == format)
        #expect(format.description == text)
    }

    @Test(arguments: [
        "multiple+x", "usd+m", "fraction++", "+fraction", "fraction:1+", "fraction+:", "fraction:+1", "usd:-0", "fraction +",
        "fraction+ ", "+", "", ":1", "fraction:1:2", "multiples", "\u{00D7}",
    ])
    func rejectsMalformedNames(text: String) {
        #expect(NumberFormat(parsing: text) == nil)
    }

    @Test func namesListEveryKindForMessages() {
        #expect(NumberFormat.names == ["number", "usd", "usd_k", "usd_m", "usd_b", "percent", "fraction", "multiple"])
    }

    @Test(arguments: [
        ("multiple", NumberFormat(.multiple)),
        ("Multiple of revenue", NumberFormat(.multiple)),
        ("\u{00D7}", NumberFormat(.multiple)),
        ("\u{00D7} EBITDA", NumberFormat(.multiple)),
        ("times", NumberFormat(.number)),
        ("x", NumberFormat(.number)),
    ])
    func aMultipleUnitPicksMultiple(unit: String, format: NumberFormat) {
        #expect(NumberFormat(unit: unit) == format)
    }
}

/// A column's unit is trimmed by hand on the hot path; it must trim what Foundation's `.whitespaces` trims.
@Suite struct UnitTrimmingTests {
    @Test func blanksAtTheEndsGoAsFoundationTrimsThem() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = [" ", "\t", "\u{A0}", "\u{3000}", "\u{2009}", "\n", "\r", "a", "U", "é", "万", "\u{200B}"]
        for _ in 0..<3_000 {
            let text = String((0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
            #expect(NumberFormat.trimmingBlanks(text) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }

    @Test func aUnitWithBlanksAroundItStillNamesItsFormat() {
        #expect(NumberFormat(unit: " \u{A0}USD millions\t") == NumberFormat(unit: "usd millions"))
        #expect(NumberFormat(unit: "\u{3000}percent") == NumberFormat(.percent))
    }
}
