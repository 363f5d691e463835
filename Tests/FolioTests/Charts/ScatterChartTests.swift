import FolioCharts
import FolioFormat
import FolioTestSupport
import Testing

/// `scatter`: numeric x and y, points named where the names fit and nowhere else.
@Suite struct ScatterChartTests {
    /// A tight cluster of twelve points and three far apart: not every name can fit.
    static let crowded: ChartSpec = {
        let cluster = (0..<12).map { Double($0) }
        let names = cluster.map { "Point number \(Int($0))" } + ["Far left", "Far right", "Top"]
        return ChartSpec(
            type: .scatter, title: "T", categories: names,
            series: [
                ChartSeries(
                    name: "Spend", values: cluster.map { 50 + $0 * 0.4 } + [0, 100, 50], format: NumberFormat(.number, decimals: 0)),
                ChartSeries(name: "Return", values: cluster.map { 50 + $0 * 0.3 } + [10, 20, 100]),
            ],
            format: NumberFormat(.number, decimals: 0), namesPoints: true
        )
    }()

    @Test func eachPointSitsAtItsXAndYOnTheAxes() throws {
        let spec = ChartSpec(
            type: .scatter, title: "T", categories: ["a", "b", "c"],
            series: [ChartSeries(name: "X", values: [10, 35, 80]), ChartSeries(name: "Y", values: [200, 50, 125])],
            format: NumberFormat(.number, decimals: 0)
        )
        let chart = ChartRenderer.render(spec, id: "a")
        for svg in [chart.svg, chart.compactSVG] {
            let points = SVGElement.all("circle", class: "fc-scatter-point", in: svg)
            try #require(points.count == 3)
            let ticks = SVGElement.all("text", class: "fc-tick", in: svg)
            // The y ticks are right-aligned left of the plot; the x ticks are centred below it.
            let yTicks = AxisReading(ticks: ticks.filter { $0.attributes["text-anchor"] == "end" }, along: "y", shift: 15 * 0.35)
            let xTicks = AxisReading(ticks: ticks.filter { $0.attributes["text-anchor"] == "middle" }, along: "x")
            #expect(xTicks.ticks.count >= 3 && yTicks.ticks.count >= 3)
            for (point, (x, y)) in zip(points, [(10.0, 200.0), (35.0, 50.0), (80.0, 125.0)]) {
                #expect(abs(point.number("cx") - (xTicks.position(x) ?? .nan)) < 0.15)
                #expect(abs(point.number("cy") - (yTicks.position(y) ?? .nan)) < 0.15)
            }
            #expect(SVGElement.all("text", class: "fc-axis-title", in: svg).map(\.text) == ["Y", "X"])
            #expect(SVGElement.all("text", class: "fc-point-label", in: svg).isEmpty)  // no `label:`, no names
        }
    }

    @Test func noTwoNamesOverlapAndNoNameCoversAPoint() throws {
        let chart = ChartRenderer.render(Self.crowded, id: "a")
        for svg in [chart.svg, chart.compactSVG] {
            let names = TextBox.all("fc-point-label", in: svg)
            #expect(names.count >= 4 && names.count < 15, "\(names.count) names")
            #expect(TextBox.overlaps(names).isEmpty, "\(TextBox.overlaps(names).prefix(2))")
            for point in SVGElement.all("circle", class: "fc-scatter-point", in: svg) {
                let (x, y, r) = (point.number("cx"), point.number("cy"), point.number("r"))
                let dot = TextBox(text: "dot", left: x - r, right: x + r, top: y - r, bottom: y + r)
                #expect(!names.contains { $0.intersects(dot) }, "a name covers the point at \(x), \(y)")
            }
            // The three far points are always named.
            for far in ["Far left", "Far right", "Top"] { #expect(names.contains { $0.text == far }) }
        }
    }

    @Test func theTableSaysWhichNamesWereLeftOut() throws {
        let chart = ChartRenderer.render(Self.crowded, id: "a")
        #expect(chart.table.header == ["", "Spend", "Return", "Named on the chart"])
        let wide = Set(SVGElement.all("text", class: "fc-point-label", in: chart.svg).map(\.text))
        let phone = Set(SVGElement.all("text", class: "fc-point-label", in: chart.compactSVG).map(\.text))
        #expect(wide.count < 15)
        for row in chart.table.rows {
            let name = row[0]
            let expected = !wide.contains(name) ? "no" : phone.contains(name) ? "yes" : "not on phones"
            #expect(row[3] == expected, "\(name)")
        }
        #expect(chart.table.rows.contains { $0[3] == "no" })
    }

    @Test func tooltipsAndTableUseEachAxisFormat() {
        let chart = ChartRenderer.render(ChartFixtures.scatter, id: "a")
        #expect(
            MarkTitle.texts("fc-scatter-point", in: chart.svg).first == "Amazon: Capital spending $83B, Operating income $68.6B")
        #expect(chart.table.rows.first == ["Amazon", "$83B", "$68.6B", "yes"])
    }
}
