import FolioBlocks
import FolioCharts
import FolioCore
import FolioTestSupport
import FolioYAML
import Testing

/// The chart types of issue 15 through a block: their keys, their data and their errors' places.
@Suite struct NewChartTypeBlockTests {
    let renderer: BlockRenderer

    init() throws {
        renderer = try Fixture.renderer()
    }

    @Test func aDotChartNeedsTwoColumns() {
        let body = "type: dot\ndata: capex\nx: company\ny: low_usd_b\ntitle: T\n"
        #expect(
            chartErrors(body, with: renderer) == [
                Diagnostic(
                    at: Article.body(4, 4), YAMLIssue.wrongType(in: "chart", key: "y", expected: "a list of at least 2 columns for dot"))
            ])
    }

    @Test func aDotChartDrawsEachColumnAsASeries() throws {
        let body = "type: dot\ndata: capex\nx: company\ny: [low_usd_b, high_usd_b]\ntitle: T\n"
        let svg = try chart(body, with: renderer).svg
        // Meta 60 and 65, Microsoft 80 and 80, Alphabet only 75.
        #expect(SVGElement.all("circle", class: "fc-dot", in: svg).count == 5)
        #expect(SVGElement.all("line", class: "fc-dot-rule", in: svg).count == 1)
    }

    @Test func anArrowTakesFromAndToAndNothingElse() throws {
        let missing = "type: arrow\ndata: capex\nx: company\nfrom: low_usd_b\ntitle: T\n"
        #expect(chartErrors(missing, with: renderer) == [Diagnostic(at: Article.fence, YAMLIssue.missingKey(in: "chart", key: "to"))])
        let withY = "type: arrow\ndata: capex\nx: company\nfrom: low_usd_b\nto: high_usd_b\ny: low_usd_b\ntitle: T\n"
        #expect(
            chartErrors(withY, with: renderer)?.map(\.description) == [
                "Content/articles/ipo.md:16:1: chart: 'y' does not apply to type 'arrow'; expected it only for types bar, hbar, "
                    + "grouped-bar, stacked-bar, line, area, waterfall, dot, scatter, donut"
            ])
        let barWithFrom = "type: bar\ndata: capex\nx: company\ny: low_usd_b\nfrom: low_usd_b\ntitle: T\n"
        #expect(
            chartErrors(barWithFrom, with: renderer) == [
                Diagnostic(at: Article.body(5, 1), BlockIssue.keyNotFor(block: "chart", key: "from", type: "bar", takenBy: ["arrow"]))
            ])
        let textFrom = "type: arrow\ndata: counts\nx: year\nfrom: label\nto: count\ntitle: T\n"
        #expect(
            chartErrors(textFrom, with: renderer) == [
                Diagnostic(at: Article.body(4, 7), BlockIssue.textColumn("label", dataset: "counts"))
            ])
    }

    @Test func anArrowRunsFromTheFromColumnToTheToColumn() throws {
        let body = "type: arrow\ndata: capex\nx: company\nfrom: high_usd_b\nto: low_usd_b\ntitle: T\nlabels: true\n"
        let rendered = try chart(body, with: renderer)
        let heads = SVGElement.all("path", class: "fc-arrow-head", in: rendered.svg)
        #expect(heads.count == 1)  // Meta 65 → 60; Microsoft is a point; Alphabet has no `high`
        #expect(rendered.svg.contains("<title>Meta \u{00B7} High \u{2192} Low: $65B \u{2192} $60B</title>"))
        #expect(rendered.csv.hasPrefix("company,high_usd_b,low_usd_b"))
    }
}

/// A donut's parts: at most six, none negative, shares at most the whole.
@Suite struct DonutBlockTests {
    let renderer: BlockRenderer

    init() throws {
        renderer = try Fixture.renderer()
    }

    private func donut(_ rows: [String], format: String = "number") -> String {
        "type: donut\ncsv: |\n  part,value\n" + rows.map { "  \($0)\n" }.joined() + "x: part\ny: value\nformat: \(format)\ntitle: T\n"
    }

    @Test func moreThanSixPartsSuggestABarChart() {
        let body = donut((1...7).map { "p\($0),\($0)" })
        let errors = chartErrors(body, with: renderer)
        #expect(errors == [Diagnostic(at: Article.body(3, 3), BlockIssue.tooManyParts(count: 7, type: "donut", limit: 6))])
        #expect(errors?.first?.message.contains("expected a bar chart (type: hbar)") == true)
        #expect(chartErrors(donut((1...6).map { "p\($0),\($0)" }), with: renderer) == nil)
    }

    @Test func aNegativePartIsAnErrorAtTheValueColumn() {
        let body = donut(["a,5", "b,-2", "c,3"])
        // `y: value` is on body line 8 (type, csv, the CSV's four lines, x), its value at column 4.
        #expect(
            chartErrors(body, with: renderer) == [
                Diagnostic(at: Article.body(8, 4), BlockIssue.negativePart(category: "b", value: "\u{2212}2"))
            ]
        )
    }

    @Test func sharesOverTheWholeAreAnError() throws {
        let over = donut(["a,70", "b,40"], format: "percent")
        #expect(chartErrors(over, with: renderer) == [Diagnostic(at: Article.body(7, 4), BlockIssue.partsOverWhole(total: "110%"))])
        let under = try chart(donut(["a,70", "b,20"], format: "percent"), with: renderer)
        #expect(under.svg.contains("<title>Other \u{00B7} Value: 10%</title>"))
    }
}

/// A scatter's x is a numeric column, and `label:` a column naming the points.
@Suite struct ScatterBlockTests {
    let renderer: BlockRenderer

    init() throws {
        renderer = try Fixture.renderer()
    }

    @Test func xAndYAreValuesAndLabelNamesThePoints() throws {
        let body = "type: scatter\ndata: fin\nx: revenue_usd_m\ny: net_loss_usd_m\nlabel: year\ntitle: T\n"
        let rendered = try chart(body, with: renderer)
        #expect(SVGElement.all("circle", class: "fc-scatter-point", in: rendered.svg).count == 3)
        #expect(Set(SVGElement.all("text", class: "fc-point-label", in: rendered.svg).map(\.text)) == ["2022", "2023", "2024"])
        #expect(rendered.svg.contains("<title>2024: Revenue $1.92B, Net loss \u{2212}$863M</title>"))
        #expect(rendered.csv.hasPrefix("revenue_usd_m,net_loss_usd_m,year"))
        #expect(rendered.frame.tableHTML.contains("Named on the chart"))
    }

    @Test func aTextXAndAMisplacedLabelAreErrorsAtTheirKeys() {
        let textX = "type: scatter\ndata: counts\nx: label\ny: count\ntitle: T\n"
        #expect(
            chartErrors(textX, with: renderer) == [Diagnostic(at: Article.body(3, 4), BlockIssue.textColumn("label", dataset: "counts"))])
        let barWithLabel = "type: bar\ndata: fin\nx: year\ny: revenue_usd_m\nlabel: segment\ntitle: T\n"
        #expect(
            chartErrors(barWithLabel, with: renderer) == [
                Diagnostic(at: Article.body(5, 1), BlockIssue.keyNotFor(block: "chart", key: "label", type: "bar", takenBy: ["scatter"]))
            ])
        let unknownLabel = "type: scatter\ndata: fin\nx: revenue_usd_m\ny: net_loss_usd_m\nlabel: name\ntitle: T\n"
        #expect(
            chartErrors(unknownLabel, with: renderer)?.map(\.description) == [
                "Content/articles/ipo.md:15:8: dataset 'fin' has no column 'name'; expected one of year, revenue_usd_m, net_loss_usd_m, segment"
            ])
    }
}

/// `annotations:` also take reference lines and shaded spans.
@Suite struct ReferenceAnnotationBlockTests {
    let renderer: BlockRenderer

    init() throws {
        renderer = try Fixture.renderer()
    }

    private func body(_ annotation: String) -> String {
        "type: bar\ndata: fin\nx: year\ny: revenue_usd_m\ntitle: T\nannotations:\n  - \(annotation)\n"
    }

    @Test func linesAndSpansAreRead() throws {
        let request = try BlockParser.chart(
            body("{y: 1500, text: Guidance}") + "  - {from: 2022, to: 2023, text: Early}\n", at: Article.fence)
        #expect(request.annotations == [.line(at: 1500, text: "Guidance"), .span(from: "2022", to: "2023", text: "Early")])
        let svg = try chart(body("{y: 1500, text: Guidance}"), with: renderer).svg
        #expect(SVGElement.all("text", class: "fc-reference-text", in: svg).map(\.text) == ["Guidance"])
    }

    @Test func aLineNeedsANumberAndASpanCategoriesOfTheChart() {
        #expect(
            chartErrors(body("{y: lots, text: Guidance}"), with: renderer) == [
                Diagnostic(
                    at: Article.body(7, 9),  // "  - {y: " is eight characters
                    YAMLIssue.wrongType(
                        in: "chart", key: "annotations",
                        expected: "a number for y (a reference line's value, as stored: 80 for $80B in usd_b)"))
            ])
        #expect(
            chartErrors(body("{from: 2022, to: 2031, text: Early}"), with: renderer) == [
                Diagnostic(at: Article.fence, BlockIssue.annotationCategory("2031", known: ["2022", "2023", "2024"]))
            ])
        #expect(
            chartErrors(body("{from: 2022, text: Early}"), with: renderer)?.first?.message.contains("{from: X1, to: X2, text: NOTE}")
                == true)
    }
}

/// `facet: COLUMN` through a block: one small chart per value of the column.
@Suite struct FacetBlockTests {
    let renderer: BlockRenderer

    init() throws {
        renderer = try Fixture.renderer()
    }

    static let capex = """
        type: bar
        csv: |
          company,year,capex
          Microsoft,2023,28.1
          Microsoft,2024,55.7
          Meta,2024,39.2
          Meta,2023,28.1
        x: year
        y: capex
        facet: company
        title: T
        """

    @Test func rowsAreSplitByTheFacetInOrderOfFirstAppearance() throws {
        let request = try BlockParser.chart(Self.capex, at: Article.fence)
        #expect(request.facet?.name == "company")
        let rendered = try chart(Self.capex, with: renderer)
        let html = rendered.frame.graphicHTML
        #expect(SVGElement.all("p", class: "fc-facet-title", in: html).map(\.text) == ["Microsoft", "Meta"])
        // Both facets have both years in the order they first appear (2023, 2024), Meta's rows reordered to match.
        #expect(
            MarkTitle.texts("fc-bar", in: html) == [
                "2023 \u{00B7} Capex: 28.1", "2024 \u{00B7} Capex: 55.7", "2023 \u{00B7} Capex: 28.1", "2024 \u{00B7} Capex: 39.2",
            ])
        #expect(rendered.csv.hasPrefix("company,year,capex"))
        #expect(rendered.frame.tableHTML.contains("Meta \u{00B7} 2024"))
    }

    @Test func aDonutTakesNoFacetAndTheColumnMustExist() {
        let donut = "type: donut\ndata: fin\nx: year\ny: revenue_usd_m\nfacet: segment\ntitle: T\n"
        #expect(chartErrors(donut, with: renderer)?.first?.message.hasPrefix("chart: 'facet' does not apply to type 'donut'") == true)
        #expect(chartErrors(donut, with: renderer)?.first?.location == Article.body(5, 1))
        let unknown = "type: bar\ndata: fin\nx: year\ny: revenue_usd_m\nfacet: company\ntitle: T\n"
        #expect(chartErrors(unknown, with: renderer)?.map(\.location) == [Article.body(5, 8)])
    }

    @Test func aFacetWithTwoRowsOfOneCategoryIsAnError() {
        let body = Self.capex.replacingOccurrences(of: "  Meta,2023,28.1\n", with: "  Meta,2023,28.1\n  Meta,2024,1\n")
        #expect(
            chartErrors(body, with: renderer) == [
                Diagnostic(at: Article.body(11, 8), BlockIssue.facetRepeatsCategory(facet: "Meta", category: "2024"))
            ])
    }

    @Test func moreThanTwelveFacetsAreAnError() {
        let rows = (1...13).map { "  f\($0),2024,\($0)\n" }.joined()
        let body = "type: bar\ncsv: |\n  company,year,capex\n" + rows + "x: year\ny: capex\nfacet: company\ntitle: T\n"
        #expect(
            chartErrors(body, with: renderer) == [
                Diagnostic(at: Article.body(19, 8), BlockIssue.tooManyFacets(count: 13, limit: 12))
            ])
    }
}
