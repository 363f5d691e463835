import FolioBlocks
import FolioCore
import FolioData
import FolioTestSupport
import Testing

/// A sidecar's `labels:` name the columns of charts and tables; a block's own label still wins.
@Suite struct SidecarLabelTests {
    static let files = [
        Fixture.file("q.csv", "quarter,adjusted_ebitda_usd_m,interest_usd_m\nQ1,10,2\nQ2,12,3\n"),
        Fixture.file(
            "q.meta.yml",
            """
            units: {adjusted_ebitda_usd_m: USD millions, interest_usd_m: USD millions}
            labels: {adjusted_ebitda_usd_m: Adjusted EBITDA, interest_usd_m: Interest expense}
            labels_zh: {adjusted_ebitda_usd_m: 调整后EBITDA}

            """),
    ]

    let renderer: BlockRenderer

    init() throws {
        renderer = try Fixture.renderer(Self.files)
    }

    @Test func chartSeriesLegendDescriptionAndTableUseTheSidecarLabels() throws {
        let rendered = try chart(
            "type: grouped-bar\ndata: q\nx: quarter\ny: [adjusted_ebitda_usd_m, interest_usd_m]\ntitle: T\n", with: renderer)
        let svg = rendered.svg
        #expect(SVGElement.all("text", class: "fc-legend-text", in: svg).map(\.text) == ["Adjusted EBITDA", "Interest expense"])
        #expect(
            SVGElement.all("desc", in: svg).map(\.text).first
                == "Latest values (Q2): Adjusted EBITDA $12M, Interest expense $3M. Highest: Adjusted EBITDA $12M (Q2).")
        #expect(rendered.output.record.cells.first == ["", "Adjusted EBITDA", "Interest expense"])
        #expect(
            header(rendered.frame.tableHTML) == [
                "<th scope=\"col\"></th>", "<th scope=\"col\" class=\"num\">Adjusted EBITDA</th>",
                "<th scope=\"col\" class=\"num\">Interest expense</th>",
            ])
    }

    @Test func lineEndLabelsUseTheSidecarLabels() throws {
        let rendered = try chart("type: line\ndata: q\nx: quarter\ny: [adjusted_ebitda_usd_m, interest_usd_m]\ntitle: T\n", with: renderer)
        #expect(
            SVGElement.all("text", class: "fc-end", in: rendered.svg).map(\.text) == ["Adjusted EBITDA", "Interest expense"])
    }

    @Test func aChartBlocksOwnLabelWins() throws {
        let body =
            "type: line\ndata: q\nx: quarter\ny:\n  - {key: adjusted_ebitda_usd_m, label: EBITDA (adj.)}\n  - interest_usd_m\ntitle: T\n"
        let rendered = try chart(body, with: renderer)
        #expect(rendered.output.record.cells.first == ["", "EBITDA (adj.)", "Interest expense"])
        #expect(
            SVGElement.all("text", class: "fc-end", in: rendered.svg).map(\.text) == ["EBITDA (adj.)", "Interest expense"])
    }

    @Test func aTableHeaderUsesTheSidecarLabelsAndATableColumnsOwnLabelWins() throws {
        let all = try table("data: q", with: renderer)
        #expect(
            header(all) == [
                "<th scope=\"col\">Quarter</th>", "<th scope=\"col\" class=\"num\">Adjusted EBITDA</th>",
                "<th scope=\"col\" class=\"num\">Interest expense</th>",
            ])
        let own = try table("data: q\ncolumns:\n  - quarter\n  - {key: interest_usd_m, label: Interest}\n", with: renderer)
        #expect(header(own) == ["<th scope=\"col\">Quarter</th>", "<th scope=\"col\" class=\"num\">Interest</th>"])
    }

    @Test func withoutASidecarLabelTheNameComesFromTheColumn() throws {
        let rendered = try chart("type: bar\ndata: fin\nx: year\ny: net_loss_usd_m\ntitle: T\n", with: renderer)
        #expect(rendered.output.record.cells.first == ["", "Net loss"])
    }

    /// The header cells of a table's `<thead>`.
    func header(_ html: String) -> [String] {
        guard let start = html.range(of: "<thead><tr>"), let end = html.range(of: "</tr></thead>") else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "</th>").dropLast().map { $0 + "</th>" }
    }
}
