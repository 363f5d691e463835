import FolioTestSupport
import Foundation
import Testing

@testable import FolioCharts

/// The colours of table cell graphics, checked by their numbers.
@Suite struct TableCellGraphicsTests {
    /// WCAG 2 relative luminance of `#RRGGBB`.
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.039_28 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func heatTextReachesFourAndAHalfToOneInBothThemes() {
        for (theme, steps) in [("light", HeatScale.light), ("dark", HeatScale.dark)] {
            #expect(steps.count == HeatScale.steps)
            for (index, step) in steps.enumerated() {
                let ratio = Self.contrast(step.background, step.text)
                #expect(ratio >= 4.5, "\(theme) step \(index + 1): \(step.background) on \(step.text) is \(ratio):1")
            }
        }
    }

    @Test func heatStepsGetDarkerInLightAndLighterInDark() {
        // One hue, ordered by lightness alone: readable without telling hues apart.
        let light = HeatScale.light.map { Self.luminance($0.background) }
        let dark = HeatScale.dark.map { Self.luminance($0.background) }
        #expect(zip(light, light.dropFirst()).allSatisfy { $0 > $1 })
        #expect(zip(dark, dark.dropFirst()).allSatisfy { $0 < $1 })
        // The lowest step stays close to the page: a pale cell on white, a dim one on the dark page.
        #expect(Self.contrast(HeatScale.light[0].background, "#FFFFFF") < 1.2)
        #expect(Self.contrast(HeatScale.dark[0].background, "#121417") < 1.5)
    }

    @Test func thePageStylesheetCarriesBothThemes() throws {
        let css = ChartRenderer.chartStylesheet
        let dark = try #require(css.range(of: "@media (prefers-color-scheme: dark) {\n  .cell-bar-fill"))
        for (index, step) in HeatScale.light.enumerated() {
            #expect(css[..<dark.lowerBound].contains(".cell-heat-\(index + 1) { background: \(step.background); color: \(step.text); }"))
        }
        for (index, step) in HeatScale.dark.enumerated() {
            #expect(css[dark.upperBound...].contains(".cell-heat-\(index + 1) { background: \(step.background); color: \(step.text); }"))
        }
    }

    @Test func heatStepsSplitTheRangeEvenly() {
        #expect([0, 1.99, 2, 5, 9.99, 10].map { HeatScale.step($0, lower: 0, upper: 10) } == [1, 1, 2, 3, 5, 5])
        #expect(HeatScale.step(4, lower: 4, upper: 4) == 3)
    }

    @Test func aFlatSparklineSitsMidHeightAndOnePointDrawsNothing() throws {
        let flat = try #require(TableCellGraphics.sparkline([2, 2, 2], title: "t"))
        let points = try #require(SVGElement.all("polyline", in: flat).first?.attributes["points"])
        #expect(points == "3,9 32,9 61,9")
        try XMLLint.check(flat, "sparkline")
        #expect(TableCellGraphics.sparkline([nil, 2], title: "t") == nil)
        // A missing last value: the line stops at the last known one, with no end dot (the cell shows "–").
        let open = try #require(TableCellGraphics.sparkline([1, 2, nil], title: "t"))
        #expect(SVGElement.all("polyline", in: open).count == 1 && SVGElement.all("circle", in: open).isEmpty)
        let bar = try #require(TableCellGraphics.bars([3]).first ?? nil)
        try XMLLint.check(bar, "cell bar")
    }
}
