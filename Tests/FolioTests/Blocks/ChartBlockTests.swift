import FolioBlocks
import FolioCore
import FolioData
import FolioTestSupport
import Testing

/// Chart blocks: the figure on the page, its table alternative, source line and downloads.
@Suite struct ChartBlockTests {
    static let revenue = """
        type: bar
        data: fin
        x: year
        y: revenue_usd_m
        title: Revenue grew <fast>
        subtitle: USD & more
        """

    let renderer: BlockRenderer

    init() throws {
        renderer = try Fixture.renderer()
    }

    @Test func figureHasTitleSubtitleAndAnAccessibleSVG() throws {
        let rendered = try chart(Self.revenue, with: renderer)
        #expect(rendered.frame.id == "chart-1")
        #expect(rendered.frame.title == "Revenue grew <fast>")
        #expect(rendered.frame.subtitle == "USD & more")
        #expect(
            rendered.output.ids == [
                "chart-1", "chart-1-heading", "chart-1-title", "chart-1-desc", "chart-1-compact-title", "chart-1-compact-desc",
            ])
        let html = rendered.frame.graphicHTML
        #expect(html.hasPrefix("<svg "))
        #expect(html.contains("role=\"img\""))
        #expect(html.contains("<title id=\"chart-1-title\">Revenue grew &lt;fast&gt;</title>"))
        #expect(html.contains("<desc id=\"chart-1-desc\">"))
        #expect(!html.contains("<script"))
    }

    @Test func tableAlternativeHoldsEveryValueFormatted() throws {
        let body = "type: grouped-bar\ndata: fin\nx: year\ny: [revenue_usd_m, net_loss_usd_m]\ntitle: T\n"
        let table = try chart(body, with: renderer).frame.tableHTML
        for value in ["$15.8M", "$229M", "$1.92B", "\u{2212}$31.1M", "\u{2212}$594M", "\u{2212}$863M"] {
            #expect(table.contains("<td class=\"num\">\(value)</td>"), "\(value)")
        }
        for year in ["2022", "2023", "2024"] {
            #expect(table.contains("<th scope=\"row\">\(year)</th>"), "\(year)")
        }
        #expect(table.contains("<th scope=\"col\" class=\"num\">Revenue</th><th scope=\"col\" class=\"num\">Net loss</th>"))
    }

    @Test func explicitFormatOverridesTheUnit() throws {
        let body = "type: line\ndata: fin\nx: year\ny: revenue_usd_m\nformat: number:1\ntitle: T\n"
        #expect(try chart(body, with: renderer).frame.tableHTML.contains("<td class=\"num\">1,915.4</td>"))
    }

    @Test func sourceLineComesFromTheSidecar() throws {
        let source = try chart(Self.revenue, with: renderer).frame.sourceHTML
        #expect(source == "Source: <a href=\"https://www.sec.gov/s1\">CoreWeave S-1</a> (2025-03-03)")
    }

    @Test func blockSourceOverridesTheSidecar() throws {
        let body = Self.revenue + "\nsource: {title: Annual report, url: \"https://example.com/ar\", date: FY2024}\n"
        let rendered = try chart(body, with: renderer)
        #expect(rendered.frame.sourceHTML == "Source: <a href=\"https://example.com/ar\">Annual report</a> (FY2024)")
        let svg = rendered.svg
        #expect(svg.contains("Annual report (FY2024)"))
        #expect(!svg.contains("CoreWeave S-1"))

        let plain = Self.revenue + "\nsource: Our own survey\n"
        #expect(try chart(plain, with: renderer).frame.sourceHTML == "Source: Our own survey")
    }

    @Test func noSourceLineWithoutSidecarOrBlockSource() throws {
        let rendered = try chart("type: bar\ndata: counts\nx: label\ny: count\ntitle: T\n", with: renderer)
        #expect(rendered.frame.sourceHTML == nil)
        #expect(!rendered.svg.contains("Source:"))
    }

    @Test func standaloneSVGIsValidXML() throws {
        let rendered = try chart(Self.revenue, with: renderer)
        let svg = rendered.svg
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        #expect(svg.contains("Source: CoreWeave S-1 (2025-03-03)"))
        #expect(try XMLLint.problems(svg) == nil)
    }

    @Test func csvDownloadHoldsTheColumnsUsed() throws {
        let body = "type: stacked-bar\ndata: fin\nx: year\ny: [revenue_usd_m, net_loss_usd_m]\ntitle: T\n"
        let csv = try chart(body, with: renderer).csv
        #expect(csv == "year,revenue_usd_m,net_loss_usd_m\r\n2022,15.8,-31.1\r\n2023,228.9,-593.7\r\n2024,1915.4,-863.4\r\n")
    }

    @Test func csvDownloadRoundTripsQuotesCommasAndNewlines() throws {
        let body = #"""
            type: bar
            csv: |
              name,value
              "Acme, Inc.",1
              "He said ""hi""",2
              " padded ",3
              "two
              lines",4
              "e\#u{301}""\#u{301}",5
            x: name
            y: value
            title: T
            """#
        let rendered = try chart(body, with: renderer)
        let csv = rendered.csv
        let back = try DatasetReader.read(Array(csv.utf8), format: .csv, name: "back", path: "back.csv")
        #expect(back.columns.map(\.name) == ["name", "value"])
        #expect(back.rows.map { $0.cells[0].text } == ["Acme, Inc.", "He said \"hi\"", " padded ", "two\nlines", "e\u{301}\"\u{301}"])
        #expect(back.rows.map { $0.cells[1].text } == ["1", "2", "3", "4", "5"])
    }

    @Test func csvDownloadRoundTripsCRLFInsideACell() throws {
        let library = try Fixture.library([Fixture.file("crlf.csv", "name,value\r\n\"a\r\nb\",1\r\n")])
        let rendered = try chart("type: bar\ndata: crlf\nx: name\ny: value\ntitle: T", with: BlockRenderer(datasets: library))
        let csv = rendered.csv
        let back = try DatasetReader.read(Array(csv.utf8), format: .csv, name: "back", path: "back.csv")
        #expect(back.rows.map { $0.cells[0].text } == ["a\r\nb"])
    }

    @Test func idsDoNotCollideBetweenChartsOfAPage() throws {
        let first = try chart(Self.revenue, with: renderer, number: 1)
        let second = try chart(Self.revenue, with: renderer, number: 2)
        let firstIDs = first.output.ids
        let secondIDs = second.output.ids
        #expect(!firstIDs.isEmpty)
        #expect(Set(firstIDs).count == firstIDs.count)
        #expect(Set(firstIDs).isDisjoint(with: secondIDs))
        #expect(first.frame.graphicHTML.ids == Array(firstIDs.dropFirst(2)))
        let tenth = try chart(Self.revenue, with: renderer, number: 10)
        #expect(Set(firstIDs).isDisjoint(with: tenth.output.ids))
    }

    @Test(arguments: [
        "type: bar\ndata: fin\nx: year\ny: revenue_usd_m",
        "type: hbar\ndata: fin\nx: year\ny: net_loss_usd_m",
        "type: grouped-bar\ndata: fin\nx: year\ny: [revenue_usd_m, net_loss_usd_m]",
        "type: stacked-bar\ndata: fin\nx: year\ny: [revenue_usd_m, net_loss_usd_m]",
        "type: line\ndata: fin\nx: year\ny: [revenue_usd_m, net_loss_usd_m]",
        "type: area\ndata: fin\nx: year\ny: revenue_usd_m",
        "type: range\ndata: capex\nx: company\nlow: low_usd_b\nhigh: high_usd_b",
        "type: waterfall\ndata: fin\nx: year\ny: net_loss_usd_m\ntotal: Total",
        "type: dot\ndata: capex\nx: company\ny: [low_usd_b, high_usd_b]",
        "type: arrow\ndata: capex\nx: company\nfrom: low_usd_b\nto: high_usd_b",
    ])
    func everyChartTypeRendersThroughABlock(body: String) throws {
        let category = body.contains("data: capex") ? "Meta" : "2024"
        let annotation = "\ntitle: Every type\nlabels: true\nannotations:\n  - {x: \"\(category)\", text: Filed}\n"
        let rendered = try chart(body + annotation, with: renderer)
        #expect(rendered.frame.graphicHTML.contains("role=\"img\""))
        #expect(rendered.frame.tableHTML.hasPrefix("<div class=\"table-wrap\"><table>"))
        let svg = rendered.svg
        #expect(try XMLLint.problems(svg) == nil)
        #expect(rendered.output.artifacts.map(\.kind) == [.svg, .csv])
    }

    @Test func rangeTableShowsLowAndHigh() throws {
        let body = "type: range\ndata: capex\nx: company\nlow: low_usd_b\nhigh: high_usd_b\ntitle: Capex plans\n"
        let html = try chart(body, with: renderer).frame.tableHTML
        #expect(html.contains("<th scope=\"row\">Meta</th><td class=\"num\">$60B</td><td class=\"num\">$65B</td>"))
        #expect(html.contains("<th scope=\"row\">Alphabet</th><td class=\"num\">\u{2013}</td><td class=\"num\">$75B</td>"))
    }

    @Test func waterfallTotalAddsAnEndBar() throws {
        let body = "type: waterfall\ndata: fin\nx: year\ny: net_loss_usd_m\ntotal: Cumulative\ntitle: Losses\n"
        let rendered = try chart(body, with: renderer)
        let svg = rendered.svg
        #expect(svg.contains("Cumulative"))
    }

    @Test func whereFiltersTheRows() throws {
        let body = "type: bar\ndata: counts\nx: label\ny: count\nwhere: {measure: single customer}\ntitle: T\n"
        let rendered = try chart(body, with: renderer)
        #expect(rendered.frame.tableHTML.contains("<th scope=\"row\">alpha</th>"))
        #expect(!rendered.frame.tableHTML.contains("<th scope=\"row\">gamma</th>"))
        #expect(rendered.csv == "label,count\r\nalpha,1200\r\nbeta,\r\n")
    }

    @Test func inlineCSVWorks() throws {
        let body = """
            type: bar
            csv: |
              quarter,sales
              Q1,10
              Q2,12.5
            x: quarter
            y: sales
            title: Sales
            format: number:1
            """
        let rendered = try chart(body, with: renderer)
        #expect(rendered.frame.tableHTML.contains("<th scope=\"row\">Q2</th><td class=\"num\">12.5</td>"))
        #expect(rendered.csv == "quarter,sales\r\nQ1,10\r\nQ2,12.5\r\n")
    }

    @Test func renderingIsDeterministic() throws {
        #expect(try chart(Self.revenue, with: renderer) == chart(Self.revenue, with: renderer))
    }
}

@Suite struct SeriesLabelTests {
    @Test func aValueColumnMayCarryItsOwnLabel() throws {
        let datasets = try DatasetLibrary(
            files: [DatasetFile(name: "q.csv", bytes: Array("quarter,adjusted_ebitda_usd_m,interest_usd_m\nQ1,10,2\nQ2,12,3\n".utf8))],
            basePath: "Content/data")
        let body =
            "type: line\ndata: q\nx: quarter\ny:\n  - {key: adjusted_ebitda_usd_m, label: Adjusted EBITDA}\n  - interest_usd_m\ntitle: T\n"
        let rendered = try chart(body, with: BlockRenderer(datasets: datasets))
        #expect(rendered.output.record.cells.first == ["", "Adjusted EBITDA", "Interest"])
    }
}
