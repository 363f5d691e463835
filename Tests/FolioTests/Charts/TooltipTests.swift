import FolioCharts
import FolioFormat
import FolioTestSupport
import Testing

/// Every mark carries a native `<title>` with its category, series and formatted value.
@Suite struct TooltipTests {
    @Test func barTooltipsCarryCategorySeriesAndFormattedValue() {
        let svg = ChartRenderer.render(ChartFixtures.bar, id: "a").svg
        #expect(
            MarkTitle.texts("fc-bar", in: svg) == [
                "2022 \u{00B7} Revenue: $15.8M", "2023 \u{00B7} Revenue: $229M", "2024 \u{00B7} Revenue: $1.92B",
            ])
    }

    @Test func groupedBarTooltipsNameTheirSeries() {
        let svg = ChartRenderer.render(ChartFixtures.groupedBar, id: "a").svg
        let texts = MarkTitle.texts("fc-bar", in: svg)
        #expect(texts.count == 6)
        #expect(texts.contains("2024 \u{00B7} Net loss: \u{2212}$863M"))
        #expect(texts.contains("2022 \u{00B7} Revenue: $15.8M"))
    }

    @Test func rangeAndWaterfallTooltipsShowWhatTheMarkShows() {
        let range = ChartRenderer.render(ChartFixtures.range, id: "a").svg
        #expect(MarkTitle.texts("fc-range", in: range) == ["Meta: $60\u{2013}65B", "Amazon: $100\u{2013}105B"])
        #expect(MarkTitle.texts("fc-range-point", in: range) == ["Microsoft: $80B", "Alphabet: $75B"])
        let waterfall = ChartRenderer.render(ChartFixtures.waterfall, id: "a").svg
        let texts = MarkTitle.texts("fc-bar", in: waterfall)
        #expect(texts.first == "Revenue \u{00B7} Change: +$1.92B")
        #expect(texts.last == "Net loss: \u{2212}$863M")
    }

    @Test func linePointsAndPathsHaveTooltips() {
        let svg = ChartRenderer.render(ChartFixtures.line, id: "a").svg
        #expect(MarkTitle.texts("fc-point", in: svg).count == 21)
        #expect(MarkTitle.texts("fc-point", in: svg).contains("2024 \u{00B7} Alphabet: $52.5B"))
        #expect(MarkTitle.texts("fc-line", in: svg).contains("2025 \u{00B7} Meta: $65B"))
    }

    @Test(arguments: ChartFixtures.all.map(\.name))
    func everyMarkHasATooltipInEveryForm(name: String) throws {
        let spec = try #require(ChartFixtures.all.first { $0.name == name }?.spec)
        let chart = ChartRenderer.render(spec, id: "a")
        let markClasses = [
            "fc-bar", "fc-point", "fc-line", "fc-area", "fc-range", "fc-range-point", "fc-dot", "fc-arrow-head", "fc-slice",
            "fc-scatter-point",
        ]
        for svg in [chart.svg, chart.compactSVG, chart.standaloneSVG] {
            let drawn = ["rect", "circle", "path"].flatMap { SVGElement.all($0, in: svg) }
                .filter { !Set($0.classes).isDisjoint(with: markClasses) }
            let titled = MarkTitle.all(in: svg).filter { !Set($0.classes).isDisjoint(with: markClasses) }
            #expect(!drawn.isEmpty)
            #expect(titled.count == drawn.count, "\(name): \(drawn.count) marks, \(titled.count) with a title")
            #expect(titled.allSatisfy { $0.text.contains(spec.format.isPercent ? "%" : "$") }, "\(name): \(titled.map(\.text))")
        }
    }

    @Test func tooltipTextIsEscaped() {
        var spec = ChartFixtures.bar
        spec.categories = ["<b>&", "2023", "2024"]
        let svg = ChartRenderer.render(spec, id: "a").standaloneSVG
        #expect(svg.contains("<title>&lt;b&gt;&amp; \u{00B7} Revenue: $15.8M</title>"))
    }
}
