import FolioCharts
import FolioFormat
import FolioTestSupport
import Testing

@testable import FolioCharts

/// `facet:`: small multiples on one shared scale, in a grid.
@Suite struct FacetTests {
    /// Each small chart's `<svg>…</svg>`.
    private func charts(_ html: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + ($0.components(separatedBy: "</svg>").first ?? "") }
    }

    @Test func everyFacetIsDrawnUnderItsNameInAGrid() throws {
        let chart = ChartRenderer.render(ChartFixtures.facets, id: "c")
        #expect(chart.inlineHTML.hasPrefix("<div class=\"fc-facets\">"))
        #expect(SVGElement.all("p", class: "fc-facet-title", in: chart.inlineHTML).map(\.text) == ["Microsoft", "Alphabet", "Meta"])
        let svgs = charts(chart.inlineHTML)
        #expect(svgs.count == 3)
        #expect(svgs.map { SVGElement.all("rect", class: "fc-bar", in: $0).count } == [3, 3, 2])
        // Meta has no 2024 figure: a dash at the zero line says so, instead of an empty band that reads as zero.
        #expect(SVGElement.all("text", class: "fc-label", in: svgs[2]).map(\.text) == ["$31.4B", "$28.1B", "\u{2013}"])
        #expect(Set(chart.ids).count == 6)
        for id in chart.ids { #expect(chart.inlineHTML.contains("id=\"\(id)\"")) }
        try XMLLint.check(chart.inlineHTML, "facets inline")
        try XMLLint.check(chart.standaloneSVG, "facets standalone")
        #expect(
            ChartRenderer.chartStylesheet.contains(
                ".fc-facets { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr))"))
    }

    /// The fixture with plain tick labels, which `AxisReading` reads as numbers.
    static let plain: ChartSpec = {
        var spec = ChartFixtures.facets
        spec.format = NumberFormat(.number, decimals: 0)
        return spec
    }()

    @Test func facetsShareOneScale() throws {
        let svgs = charts(ChartRenderer.render(Self.plain, id: "c").inlineHTML)
        let axes = svgs.map { AxisReading($0, along: "y") }
        // The same ticks, the same distance between them, and equal values drawn equally tall.
        #expect(Set(axes.map { $0.ticks.map(\.value) }).count == 1)
        let spans = axes.map { ($0.ticks.first?.position ?? 0) - ($0.ticks.last?.position ?? 0) }
        #expect(spans.allSatisfy { abs($0 - spans[0]) < 0.01 } && spans[0] > 100)
        let heights = svgs.map { SVGElement.all("rect", class: "fc-bar", in: $0).map { $0.number("height") } }
        // Microsoft and Meta both spent 28.1 in 2023, Alphabet 32.3: on one scale, equal values are equal bars.
        #expect(abs(heights[0][1] - heights[2][1]) < 0.11)
        #expect(heights[1][1] > heights[0][1])
        // The tallest bar of all (Microsoft 2024) reaches nearly the top tick in its own chart only.
        let top = try #require(axes[0].ticks.last?.value)
        #expect(top >= 55.7 && top < 80)
    }

    @Test func horizontalFacetsShareOneValueRange() throws {
        var spec = Self.plain
        spec.type = .hbar
        spec.facets[1].categories = ["A much longer category name", "2023", "2024"]
        let svgs = charts(ChartRenderer.render(spec, id: "c").inlineHTML)
        let axes = svgs.map { AxisReading($0, along: "x") }
        #expect(Set(axes.map { $0.ticks.map(\.value) }).count == 1)
        #expect(Set(axes.map { $0.ticks.map(\.position) }).count == 1, "\(axes.map { $0.ticks.map(\.position) })")
    }

    @Test func aDotMapsOneValueToOnePlaceInEveryFacet() {
        var spec = Self.plain
        spec.type = .dot
        spec.facets = [
            ChartFacet(
                name: "Microsoft", categories: ["2025"],
                series: [ChartSeries(name: "Plan", values: [80]), ChartSeries(name: "Actual", values: [88])]),
            ChartFacet(
                name: "Meta", categories: ["2025"],
                series: [ChartSeries(name: "Plan", values: [62.5]), ChartSeries(name: "Actual", values: [80])]),
        ]
        let dots = charts(ChartRenderer.render(spec, id: "c").inlineHTML).map { SVGElement.all("circle", class: "fc-dot", in: $0) }
        #expect(dots.map(\.count) == [2, 2])
        // Microsoft's plan and Meta's actual are both 80: the same x in both small charts.
        #expect(abs(dots[0][0].number("cx") - dots[1][1].number("cx")) < 0.01)
        #expect(dots[1][0].number("cx") < dots[0][0].number("cx"))
    }

    @Test func theTableAndDescriptionNameEachFacet() {
        let chart = ChartRenderer.render(ChartFixtures.facets, id: "c")
        #expect(chart.table.rows.count == 9)
        #expect(chart.table.rows.first == ["Microsoft \u{00B7} 2022", "$23.9B"])
        #expect(chart.table.rows.last == ["Meta \u{00B7} 2024", "\u{2013}"])
        #expect(chart.description.hasPrefix("Microsoft: 3 values, 2022 to 2024."))
    }
}
