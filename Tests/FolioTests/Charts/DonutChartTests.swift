import FolioCharts
import FolioFormat
import FolioTestSupport
import Foundation
import Testing

/// `donut`: parts of a whole as slices, named outside, the total in the centre.
@Suite struct DonutChartTests {
    static let revenue = ChartSpec(
        type: .donut, title: "T", categories: ["Cloud", "Licences", "Services"],
        series: [ChartSeries(name: "Revenue", values: [600, 300, 100])], format: NumberFormat(.usdM)
    )

    /// The angle (clockwise from the top, 0 to 2π) of a slice path's first point, relative to the ring's centre.
    private func startAngle(_ slice: SVGElement) -> Double? {
        let d = slice.attributes["d"] ?? ""
        guard let end = d.firstIndex(of: "A") else { return nil }
        let numbers = d.dropFirst().prefix(upTo: end).split(separator: ",").compactMap { Double($0) }
        guard numbers.count == 2 else { return nil }
        let angle = atan2(numbers[0], -numbers[1])
        return angle < -1e-9 ? angle + 2 * Double.pi : max(0, angle)
    }

    @Test func eachSliceSweepsItsShareOfTheRing() throws {
        for svg in [ChartRenderer.render(Self.revenue, id: "a").svg, ChartRenderer.render(Self.revenue, id: "a").compactSVG] {
            let slices = SVGElement.all("path", class: "fc-slice", in: svg)
            try #require(slices.count == 3)
            let starts = try slices.map { try #require(startAngle($0)) } + [2 * Double.pi]
            for (index, share) in [0.6, 0.3, 0.1].enumerated() {
                #expect(abs((starts[index + 1] - starts[index]) / (2 * Double.pi) - share) < 0.002, "slice \(index)")
            }
            #expect(abs(starts[0]) < 0.002)  // the first slice starts at the top
            #expect(slices.map { $0.classes.last } == ["fc-fill-1", "fc-fill-2", "fc-fill-3"])
        }
    }

    @Test func theTotalSitsInTheCentreAndEachPartIsNamedWithItsShare() throws {
        let svg = ChartRenderer.render(Self.revenue, id: "a").svg
        #expect(SVGElement.all("text", class: "fc-donut-total", in: svg).map(\.text) == ["$1B"])
        #expect(SVGElement.all("text", class: "fc-donut-caption", in: svg).map(\.text) == ["Total"])
        #expect(SVGElement.all("text", class: "fc-donut-name", in: svg).map(\.text) == ["Cloud", "Licences", "Services"])
        #expect(SVGElement.all("text", class: "fc-donut-value", in: svg).map(\.text) == ["$600M (60%)", "$300M (30%)", "$100M (10%)"])
        #expect(
            MarkTitle.texts("fc-slice", in: svg) == [
                "Cloud \u{00B7} Revenue: $600M (60%)", "Licences \u{00B7} Revenue: $300M (30%)",
                "Services \u{00B7} Revenue: $100M (10%)",
            ])
    }

    @Test func labelsSitOutsideTheRingOnTheSideOfTheirSlice() throws {
        let svg = ChartRenderer.render(Self.revenue, id: "a").svg
        let total = try #require(SVGElement.all("text", class: "fc-donut-total", in: svg).first)
        let names = SVGElement.all("text", class: "fc-donut-name", in: svg)
        // Cloud (0–216°) and Licences (216–324°) have their middles right and left of the top.
        #expect(names[0].number("x") > total.number("x") + 110 && names[0].attributes["text-anchor"] == "start")
        #expect(names[1].number("x") < total.number("x") - 110 && names[1].attributes["text-anchor"] == "end")
    }

    @Test func aShareFormatFillsTheRestOfTheWholeWithGreyOther() throws {
        let svg = ChartRenderer.render(ChartFixtures.donut, id: "a").svg
        let slices = SVGElement.all("path", class: "fc-slice", in: svg)
        try #require(slices.count == 3)
        #expect(slices[2].classes.contains("fc-fill-context"))
        let starts = try slices.map { try #require(startAngle($0)) }
        #expect(abs(starts[2] / (2 * Double.pi) - 0.77) < 0.002)  // Other fills the last 23%
        #expect(SVGElement.all("text", class: "fc-donut-name", in: svg).map(\.text) == ["Microsoft", "Second customer", "Other"])
        #expect(SVGElement.all("text", class: "fc-donut-value", in: svg).map(\.text) == ["62%", "15%", "23%"])
        #expect(SVGElement.all("text", class: "fc-donut-total", in: svg).map(\.text) == ["77%"])
        #expect(SVGElement.all("text", class: "fc-donut-caption", in: svg).map(\.text) == ["Named"])
    }

    @Test func sixSmallAndLargePartsKeepTheirLabelsApart() {
        let spec = ChartSpec(
            type: .donut, title: "T", categories: ["A very long first part name", "B", "C", "D", "E", "F"],
            series: [ChartSeries(name: "S", values: [70, 12, 8, 5, 3, 2])], format: NumberFormat(.number)
        )
        let chart = ChartRenderer.render(spec, id: "a")
        for svg in [chart.svg, chart.compactSVG] {
            let boxes = TextBox.all("fc-donut-label", in: svg) + TextBox.all("fc-donut-total", in: svg)
            #expect(boxes.count >= 13)
            #expect(TextBox.overlaps(boxes).isEmpty, "\(TextBox.overlaps(boxes).prefix(2))")
            let width = svg.contains("0 0 640 ") ? 640.0 : 360.0
            #expect(
                boxes.allSatisfy { $0.left >= 0 && $0.right <= width && $0.top >= 0 }, "\(boxes.filter { $0.left < 0 || $0.right > width })"
            )
        }
    }

    @Test func aWholeRingIsDrawnAsTwoHalves() {
        let spec = ChartSpec(
            type: .donut, title: "T", categories: ["All"], series: [ChartSeries(name: "S", values: [5])], format: NumberFormat(.number)
        )
        let slice = SVGElement.all("path", class: "fc-slice", in: ChartRenderer.render(spec, id: "a").svg)
        #expect(slice.count == 1)
        #expect((slice.first?.attributes["d"] ?? "").filter { $0 == "A" }.count == 4)
    }
}
