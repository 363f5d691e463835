import FolioFormat
import FolioTestSupport
import Testing

@testable import FolioCharts

/// Reference lines (`{y, text}`) and shaded spans (`{from, to, text}`).
@Suite struct ReferenceAnnotationTests {
    static let plain = ChartSpec(
        type: .bar, title: "T", categories: ["a", "b", "c", "d"], series: [ChartSeries(name: "S", values: [20, 40, 60, 100])],
        format: NumberFormat(.number, decimals: 0), labels: true,
        annotations: [.line(at: 150, text: "Target"), .span(from: "b", to: "c", text: "Pilot")]
    )

    @Test func aReferenceLineSitsAtItsValueAndTheAxisReachesIt() throws {
        let chart = ChartRenderer.render(Self.plain, id: "a")
        for svg in [chart.svg, chart.compactSVG] {
            let axis = AxisReading(
                ticks: SVGElement.all("text", class: "fc-tick", in: svg), along: "y", shift: ChartCanvas.labelSize * 0.35)
            #expect((axis.ticks.last?.value ?? 0) >= 150)
            let line = try #require(SVGElement.all("line", class: "fc-reference", in: svg).first)
            #expect(line.number("y1") == line.number("y2"))
            #expect(abs(line.number("y1") - (axis.position(150) ?? .nan)) < 0.15)
            #expect(SVGElement.all("text", class: "fc-reference-text", in: svg).map(\.text) == ["Target"])
        }
    }

    @Test func aSpanShadesExactlyItsCategories() throws {
        let svg = ChartRenderer.render(Self.plain, id: "a").svg
        let span = try #require(SVGElement.all("rect", class: "fc-span", in: svg).first)
        let bars = SVGElement.all("rect", class: "fc-bar", in: svg)
        try #require(bars.count == 4)
        let (left, right) = (span.number("x"), span.number("x") + span.number("width"))
        func inside(_ bar: SVGElement) -> Bool { bar.number("x") >= left && bar.number("x") + bar.number("width") <= right }
        #expect(bars.map(inside) == [false, true, true, false])
        // The span's text is a note on its first category, above the plot.
        #expect(SVGElement.all("text", class: "fc-annotation", in: svg).map(\.text).contains("Pilot"))
    }

    @Test func aLinesTextKeepsOffEveryLabelAndBar() throws {
        let chart = ChartRenderer.render(ChartFixtures.annotatedBar, id: "a")
        for svg in [chart.svg, chart.compactSVG] {
            let text = try #require(SVGElement.all("text", class: "fc-reference-text", in: svg).first)
            let box = TextBox(text, size: ChartCanvas.noteSize)
            let labels = ["fc-label", "fc-cat", "fc-tick", "fc-annotation"].flatMap { TextBox.all($0, in: svg) }.filter {
                $0.text != text.text
            }
            #expect(!labels.contains { $0.intersects(box) }, "\(labels.filter { $0.intersects(box) })")
            for bar in SVGElement.all("rect", class: "fc-bar", in: svg) {
                let barBox = TextBox(
                    text: "bar", left: bar.number("x"), right: bar.number("x") + bar.number("width"), top: bar.number("y"),
                    bottom: bar.number("y") + bar.number("height"))
                #expect(!barBox.intersects(box), "the text sits on a bar")
            }
        }
    }

    @Test func aHorizontalChartsLineRunsDownAndItsTextGoesUnderTheRows() throws {
        var spec = Self.plain
        spec.type = .hbar
        let svg = ChartRenderer.render(spec, id: "a").svg
        let axis = AxisReading(svg, along: "x")
        let line = try #require(SVGElement.all("line", class: "fc-reference", in: svg).first)
        #expect(line.number("x1") == line.number("x2"))
        #expect(abs(line.number("x1") - (axis.position(150) ?? .nan)) < 0.15)
        let lowestBar = try #require(SVGElement.all("rect", class: "fc-bar", in: svg).map { $0.number("y") + $0.number("height") }.max())
        let text = try #require(SVGElement.all("text", class: "fc-reference-text", in: svg).first)
        #expect(text.number("y") - ChartCanvas.noteSize * 0.8 > lowestBar)
        let span = try #require(SVGElement.all("rect", class: "fc-span", in: svg).first)
        #expect(span.number("width") > span.number("height"))  // across the rows of b and c
    }
}
