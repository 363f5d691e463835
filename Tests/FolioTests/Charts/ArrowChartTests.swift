import FolioCharts
import FolioFormat
import FolioTestSupport
import Testing

/// `arrow`: one arrow per category from its `from` value to its `to` value.
@Suite struct ArrowChartTests {
    static let plain = ChartSpec(
        type: .arrow, title: "T", categories: ["Up", "Down", "Same", "Missing"],
        series: [ChartSeries(name: "Before", values: [20, 90, 50, 10]), ChartSeries(name: "After", values: [80, 30, 50, nil])],
        format: NumberFormat(.number, decimals: 0), labels: true
    )

    /// The first point of a path `M x,y L …`.
    private func firstPoint(_ d: String) -> (x: Double, y: Double)? {
        let numbers = d.dropFirst().split(whereSeparator: { $0 == "L" || $0 == "Z" }).first?.split(separator: ",")
        guard let numbers, numbers.count == 2, let x = Double(numbers[0]), let y = Double(numbers[1]) else { return nil }
        return (x, y)
    }

    @Test func arrowsPointFromTheFirstValueToTheSecond() throws {
        let chart = ChartRenderer.render(Self.plain, id: "a")
        for svg in [chart.svg, chart.compactSVG] {
            let axis = AxisReading(svg, along: "x")
            let heads = SVGElement.all("path", class: "fc-arrow-head", in: svg)
            let shafts = SVGElement.all("line", class: "fc-arrow-shaft", in: svg)
            try #require(heads.count == 2 && shafts.count == 2)
            for (index, (from, to)) in [(20.0, 80.0), (90.0, 30.0)].enumerated() {
                let tip = try #require(firstPoint(heads[index].attributes["d"] ?? ""))
                let tail = shafts[index].number("x1")
                #expect(abs(tip.x - (axis.position(to) ?? .nan)) < 0.15)
                #expect(abs(tail - (axis.position(from) ?? .nan)) < 0.15)
                // The head lies beyond the tail in the direction of the change.
                #expect(to > from ? tip.x > tail : tip.x < tail)
                let base = shafts[index].number("x2")
                #expect(to > from ? (tail < base && base < tip.x) : (tip.x < base && base < tail))
                #expect(tip.y == shafts[index].number("y1"))
            }
            // Equal values are a point, a missing one draws nothing.
            #expect(SVGElement.all("circle", class: "fc-arrow-point", in: svg).count == 1)
        }
    }

    @Test func theHeadsShapeShowsTheDirectionWithoutColour() throws {
        let svg = ChartRenderer.render(Self.plain, id: "a").svg
        let heads = SVGElement.all("path", class: "fc-arrow-head", in: svg)
        // Every head has the same fill: only its shape tells up from down.
        #expect(Set(heads.map { $0.attributes["class"] ?? "" }).count == 1)
        for head in heads { #expect((head.attributes["d"] ?? "").hasSuffix("Z")) }
    }

    @Test func eachEndIsLabelledOnItsSideAndTheColumnsAreNamedOnce() throws {
        let svg = ChartRenderer.render(Self.plain, id: "a").svg
        let labels = SVGElement.all("text", class: "fc-label", in: svg)
        #expect(labels.map(\.text) == ["20", "80", "30", "90", "50"])
        #expect(labels.map { $0.attributes["text-anchor"] } == ["end", "start", "end", "start", "start"])
        let names = SVGElement.all("text", class: "fc-series-name", in: svg)
        #expect(names.map(\.text) == ["Before", "After"])
        let axis = AxisReading(svg, along: "x")
        // "Before" ends at the first row's tail (20), "After" starts at its head (80).
        #expect(abs(names[0].number("x") - (axis.position(20) ?? .nan)) < 0.15 && names[0].attributes["text-anchor"] == "end")
        #expect(abs(names[1].number("x") - (axis.position(80) ?? .nan)) < 0.15 && names[1].attributes["text-anchor"] == "start")
    }

    @Test func tooltipsAndDescriptionGiveBothValues() {
        let chart = ChartRenderer.render(ChartFixtures.arrow, id: "a")
        #expect(MarkTitle.texts("fc-arrow-head", in: chart.svg).first == "Amazon \u{00B7} 2024 \u{2192} 2025 plan: $83B \u{2192} $100B")
        #expect(chart.description.hasPrefix("From 2024 to 2025 plan: Amazon $83B to $100B; Microsoft $55.7B to $80B;"))
    }
}
