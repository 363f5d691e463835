import FolioCharts
import FolioFormat
import FolioTestSupport
import Testing

/// `dot`: the values of a category as dots on one row, joined by a rule, named once.
@Suite struct DotChartTests {
    static let plain = ChartSpec(
        type: .dot, title: "T", categories: ["North", "South", "East"],
        series: [
            ChartSeries(name: "Plan", values: [40, 55, 70]), ChartSeries(name: "Actual", values: [52, 48, nil]),
            ChartSeries(name: "Forecast", values: [60, 50, 64]),
        ],
        format: NumberFormat(.number, decimals: 0), labels: true
    )

    @Test func eachDotSitsAtItsValueOnTheScale() throws {
        for svg in [ChartRenderer.render(Self.plain, id: "a").svg, ChartRenderer.render(Self.plain, id: "a").compactSVG] {
            let axis = AxisReading(svg, along: "x")
            #expect(axis.ticks.count >= 3)
            let dots = SVGElement.all("circle", class: "fc-dot", in: svg)
            // Series by series, categories in order, a missing value drawing nothing.
            let values: [Double] = [40, 55, 70, 52, 48, 60, 50, 64]
            try #require(dots.count == values.count)
            for (dot, value) in zip(dots, values) {
                let expected = try #require(axis.position(value))
                #expect(abs(dot.number("cx") - expected) < 0.15, "\(value): \(dot.number("cx")) vs \(expected)")
            }
            // The rows go down the chart in category order: North's dots share a row above South's.
            let rows = [0, 1, 2].map { dots[$0].number("cy") }
            #expect(rows == rows.sorted() && Set(rows).count == 3)
            #expect(dots[3].number("cy") == rows[0] && dots[5].number("cy") == rows[0])
        }
    }

    @Test func aRuleJoinsEachRowsLowestAndHighestDot() throws {
        let svg = ChartRenderer.render(Self.plain, id: "a").svg
        let axis = AxisReading(svg, along: "x")
        let rules = SVGElement.all("line", class: "fc-dot-rule", in: svg)
        try #require(rules.count == 3)
        for (rule, ends) in zip(rules, [(40.0, 60.0), (48.0, 55.0), (64.0, 70.0)]) {
            #expect(abs(rule.number("x1") - (axis.position(ends.0) ?? .nan)) < 0.15)
            #expect(abs(rule.number("x2") - (axis.position(ends.1) ?? .nan)) < 0.15)
        }
    }

    @Test func theLowestValueIsLabelledLeftAndTheHighestRight() throws {
        let svg = ChartRenderer.render(Self.plain, id: "a").svg
        let labels = SVGElement.all("text", class: "fc-label", in: svg)
        #expect(labels.map(\.text) == ["40", "60", "48", "55", "64", "70"])
        let axis = AxisReading(svg, along: "x")
        for label in labels {
            let value = try #require(Double(label.text))
            let dot = try #require(axis.position(value))
            if label.attributes["text-anchor"] == "end" {
                #expect(label.number("x") < dot - 6)
            } else {
                #expect(label.number("x") > dot + 6)
            }
        }
        #expect(labels.map { $0.attributes["text-anchor"] } == ["end", "start", "end", "start", "end", "start"])
    }

    @Test func seriesAreNamedOnceOverTheFirstRow() throws {
        let svg = ChartRenderer.render(Self.plain, id: "a").svg
        let names = SVGElement.all("text", class: "fc-series-name", in: svg)
        #expect(names.map(\.text) == ["Plan", "Actual", "Forecast"])
        let firstRow = try #require(SVGElement.all("circle", class: "fc-dot", in: svg).first).number("cy")
        for name in names { #expect(name.number("y") < firstRow - 6) }
        #expect(names.map { $0.classes.last } == ["fc-text-1", "fc-text-2", "fc-text-3"])
        #expect(TextBox.overlaps(names.map { TextBox($0) }).isEmpty)
        #expect(!svg.contains("fc-legend"))
    }

    @Test func dotTooltipsNameTheSeriesAndValue() {
        let svg = ChartRenderer.render(ChartFixtures.dot, id: "a").svg
        #expect(MarkTitle.texts("fc-dot", in: svg).prefix(2) == ["Microsoft \u{00B7} Plan: $80B", "Alphabet \u{00B7} Plan: $75B"])
    }

    @Test func theDescriptionListsEachRowsValues() {
        let chart = ChartRenderer.render(ChartFixtures.dot, id: "a")
        #expect(chart.description.hasPrefix("Microsoft: Plan $80B, Actual $88B; Alphabet: Plan $75B, Actual $91B;"))
    }
}
