import FolioBlocks
import FolioCharts
import FolioCore
import FolioTestSupport
import FolioYAML
import Testing

/// Chart types declare themselves: a type from outside folio parses, validates and draws
/// through a block like a built-in one, and messages list the catalog's types.
@Suite struct ChartTypeCatalogTests {
    static let types = ChartCatalog.standard.adding(.pin).adding(.span)
    static let sales = """
        type: pin
        csv: |
          quarter,sales
          Q1,0
          Q2,5
          Q3,
          Q4,10
        x: quarter
        y: sales
        title: Sales by quarter
        """

    let standard: BlockRenderer
    let extended: BlockRenderer

    init() throws {
        standard = try Fixture.renderer()
        extended = BlockRenderer(datasets: try Fixture.library(), chartTypes: Self.types)
    }

    @Test func aTypeFromTheTestTargetDrawsThroughABlock() throws {
        let request = try BlockParser.chart(Self.sales, at: Article.fence, types: Self.types)
        #expect(request.type.name == "pin")
        let rendered = try extended.chart(request, number: 1)
        let svg = try #require(rendered.artifacts.first { $0.kind == .svg }).text
        #expect(try XMLLint.problems(svg) == nil)
        #expect(svg.contains("<desc id=\"chart-1-desc\">3 pins.</desc>"))

        // One pin per present value (Q3 is missing), each over its category's name.
        let dots = SVGElement.all("circle", class: "fc-pin", in: svg)
        let names = SVGElement.all("text", class: "fc-cat", in: svg)
        #expect(dots.count == 3)
        #expect(names.map(\.text) == ["Q1", "Q2", "Q3", "Q4"])
        guard dots.count == 3, names.count == 4 else { return }
        #expect(dots.map { $0.number("cx") } == [0, 1, 3].map { names[$0].number("x") })

        // 0 on the zero line, 10 on the top gridline, 5 halfway between.
        let ticks = SVGElement.all("text", class: "fc-tick", in: svg)
        #expect(ticks.first?.text == "0")
        #expect(ticks.last?.text == "10")
        let zero = try #require(SVGElement.all("line", class: "fc-zero", in: svg).first).number("y1")
        let top = try #require(SVGElement.all("line", class: "fc-grid", in: svg).map { $0.number("y1") }.min())
        #expect(top < zero)
        #expect(dots[0].number("cy") == zero)
        #expect(dots[2].number("cy") == top)
        #expect(abs(dots[1].number("cy") - (zero + top) / 2) <= 0.1)
    }

    @Test func theRendererParsesWithItsOwnCatalog() throws {
        let html = try chart(Self.sales, with: extended).frame.graphicHTML
        #expect(html.occurrences(of: "class=\"fc-pin\"") == 6)  // the wide and the compact SVG
        #expect(
            chartErrors(Self.sales, with: standard) == [
                Diagnostic(at: Article.body(1, 7), BlockIssue.unknownChartType("pin", known: ChartCatalog.standard.names))
            ])
    }

    @Test func unknownTypeListsTheCatalogsTypes() throws {
        let pie = "type: pie\ndata: fin\nx: year\ny: revenue_usd_m\ntitle: T\n"
        let withPin = try #require(chartErrors(pie, with: extended)?.first).message
        let without = try #require(chartErrors(pie, with: standard)?.first).message
        let standardNames = ChartCatalog.standard.names.joined(separator: ", ")
        #expect(standardNames.hasPrefix("bar, hbar, grouped-bar, stacked-bar, line, area, range, waterfall"))
        #expect(withPin == "chart: unknown type 'pie'; expected one of \(standardNames), pin, span")
        #expect(without == "chart: unknown type 'pie'; expected one of \(standardNames)")
    }

    @Test func aKeyTheTypeDoesNotTakeNamesTheTypesThatDo() throws {
        let pinWithLow = "type: pin\ndata: capex\nx: company\ny: low_usd_b\nlow: low_usd_b\ntitle: T\n"
        #expect(
            chartErrors(pinWithLow, with: extended)?.map(\.description) == [
                "Content/articles/ipo.md:15:1: chart: 'low' does not apply to type 'pin'; expected it only for type range"
            ])
        let lineWithTotal = "type: line\ndata: fin\nx: year\ny: revenue_usd_m\ntotal: End\ntitle: T\n"
        #expect(
            chartErrors(lineWithTotal, with: standard)?.map(\.message) == [
                "chart: 'total' does not apply to type 'line'; expected it only for type waterfall"
            ])
        let rangeWithY = "type: range\ndata: capex\nx: company\nlow: low_usd_b\nhigh: high_usd_b\ny: low_usd_b\ntitle: T\n"
        #expect(
            chartErrors(rangeWithY, with: extended)?.map(\.message) == [
                "chart: 'y' does not apply to type 'range'; expected it only for types bar, hbar, grouped-bar, stacked-bar, line, "
                    + "area, waterfall, dot, scatter, donut, pin"
            ])
    }

    @Test func aOneColumnKeyRejectsAList() {
        let body = "type: pin\ndata: fin\nx: year\ny: [revenue_usd_m, net_loss_usd_m]\ntitle: T\n"
        #expect(
            chartErrors(body, with: extended) == [
                Diagnostic(at: Article.body(4, 4), YAMLIssue.wrongType(in: "chart", key: "y", expected: "one column for pin"))
            ])
    }

    @Test func aDeclaredChannelIsAKeyOnlyWithItsCatalog() throws {
        let body = "type: span\ndata: capex\nx: company\nstart: low_usd_b\nend: high_usd_b\ntitle: T\n"
        let request = try BlockParser.chart(body, at: Article.fence, types: Self.types)
        #expect(request.values.map(\.name) == ["low_usd_b", "high_usd_b"])
        let missing = "type: span\ndata: capex\nx: company\nstart: low_usd_b\ntitle: T\n"
        #expect(chartErrors(missing, with: extended) == [Diagnostic(at: Article.fence, YAMLIssue.missingKey(in: "chart", key: "end"))])
        let barWithStart = "type: bar\ndata: capex\nx: company\ny: low_usd_b\nstart: low_usd_b\ntitle: T\n"
        #expect(
            chartErrors(barWithStart, with: extended)?.map(\.message) == [
                "chart: 'start' does not apply to type 'bar'; expected it only for type span"
            ])
        #expect(chartErrors(barWithStart, with: standard)?.first?.message.hasPrefix("chart: unknown key 'start'") == true)
    }
}
