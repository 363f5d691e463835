import FolioFormat
import Testing

/// Inputs the fuzzers (Fuzz/) found, kept so the bugs stay fixed.
@Suite struct FormatFuzzRegressionTests {
    /// `DecimalText.fixed` divided by `UInt64(10^decimals)`, which traps from 20 decimals on: three
    /// significant digits of a value below 1e-17 (a CSV cell `0.00000000000000000001`) crashed the build.
    @Test func tinyValuesFormatWithoutTrapping() {
        #expect(DecimalText.significant(1e-20, digits: 3) == "0.00000000000000000001")
        #expect(DecimalText.significant(-1.5e-93, digits: 3).hasSuffix("15"))
        #expect(DecimalText.fixed(1e-20, decimals: 22) == "0.0000000000000000000100")
        #expect(NumberFormat(.number).format(1e-20) == "0.00000000000000000001")
        #expect(NumberFormat(.percent).format(.leastNonzeroMagnitude) == "0%")
        #expect(DecimalText.fixed(-863.4, decimals: 2) == "-863.40")
        #expect(DecimalText.fixed(0.05, decimals: 3) == "0.050")
    }

    /// A finite stored value can overflow once scaled to base units (`usd_b` multiplies by 1e9):
    /// `powerOfTen(inf)` then took `Int(log10(inf))` and trapped.
    @Test func valuesThatOverflowInBaseUnitsShowAsMissing() {
        #expect(NumberFormat(.usdB).format(1e300) == "–")
        #expect(NumberFormat(.usdB).formatRange(1, 1e300) == "–")
        #expect(NumberFormat(.fraction).format(-1.7e307) == "–")
        #expect(DecimalText.significant(.infinity, digits: 3) == "–")
        #expect(NumberFormat(.usdB).format(1e290) == "$1×10²⁹⁹")
    }
}
