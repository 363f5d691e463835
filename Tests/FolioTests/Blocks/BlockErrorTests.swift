import FolioBlocks
import FolioCharts
import FolioCore
import FolioData
import FolioYAML
import Testing

/// Every mistake in a chart or table block is an error at the article line of the offending key.
@Suite struct BlockErrorTests {
    static let chartKeys = [
        "type", "data", "csv", "sql", "x", "facet", "y", "low", "high", "from", "to", "where", "title", "subtitle", "format", "labels",
        "annotations", "source",
        "total", "label", "note",
    ]
    static let tableKeys = ["data", "csv", "sql", "columns", "where", "caption", "sort", "limit", "source"]
    static let datasetNames = ["capex", "counts", "fin"]
    static let finColumns = ["year", "revenue_usd_m", "net_loss_usd_m", "segment"]
    static let yTypes = ["bar", "hbar", "grouped-bar", "stacked-bar", "line", "area", "waterfall", "dot", "scatter", "donut"]

    let renderer: BlockRenderer

    init() throws {
        renderer = try Fixture.renderer()
    }

    @Test func unknownTypeIsAtTheTypeValue() {
        let body = "type: pie\ndata: fin\nx: year\ny: revenue_usd_m\ntitle: T\n"
        #expect(
            chartErrors(body, with: renderer) == [
                Diagnostic(at: Article.body(1, 7), BlockIssue.unknownChartType("pie", known: ChartCatalog.standard.names))
            ])
        #expect(
            Diagnostic(at: Article.body(1, 7), BlockIssue.unknownChartType("pie", known: ChartCatalog.standard.names)).description
                == "Content/articles/ipo.md:11:7: chart: unknown type 'pie'; expected one of bar, hbar, grouped-bar, stacked-bar, "
                + "line, area, range, waterfall, dot, arrow, scatter, donut")
    }

    @Test func unknownKeyIsAtTheKey() {
        let body = "type: bar\ndata: fin\nx: year\ny: revenue_usd_m\ntitle: T\n  \ncolour: red\n"
        #expect(
            chartErrors(body, with: renderer) == [
                Diagnostic(at: Article.body(7, 1), YAMLIssue.unknownKey(in: "chart", key: "colour", known: Self.chartKeys))
            ])
        let table = "data: fin\ncolumns: [year]\npage_size: 3\n"
        #expect(
            tableErrors(table, with: renderer) == [
                Diagnostic(at: Article.body(3, 1), YAMLIssue.unknownKey(in: "table", key: "page_size", known: Self.tableKeys))
            ])
    }

    @Test(arguments: ["type", "x", "y", "title"])
    func missingRequiredKeyIsAtTheFence(key: String) {
        let lines = ["type: bar", "data: fin", "x: year", "y: revenue_usd_m", "title: T"].filter { !$0.hasPrefix(key + ":") }
        #expect(
            chartErrors(lines.joined(separator: "\n"), with: renderer) == [
                Diagnostic(at: Article.fence, YAMLIssue.missingKey(in: "chart", key: key))
            ])
    }

    @Test func missingDataIsAtTheFence() {
        #expect(
            chartErrors("type: bar\nx: year\ny: v\ntitle: T", with: renderer) == [
                Diagnostic(at: Article.fence, BlockIssue.noData(block: "chart"))
            ])
        #expect(tableErrors("caption: C", with: renderer) == [Diagnostic(at: Article.fence, BlockIssue.noData(block: "table"))])
    }

    @Test func emptyOrNonMappingBodyIsAnError() {
        #expect(
            chartErrors("", with: renderer) == [Diagnostic(at: Article.fence, YAMLIssue.notAMapping(in: "chart", found: "empty"))])
        #expect(
            tableErrors("- a\n- b\n", with: renderer) == [
                Diagnostic(at: Article.body(1, 1), YAMLIssue.notAMapping(in: "table", found: "a list"))
            ])
    }

    @Test func dataAndCSVTogetherIsAtTheCSVKey() {
        let body = "type: bar\ndata: fin\ncsv: |\n  a,b\n  1,2\nx: a\ny: b\ntitle: T\n"
        #expect(chartErrors(body, with: renderer) == [Diagnostic(at: Article.body(3, 1), BlockIssue.dataAndCSV(block: "chart"))])
    }

    @Test(arguments: [
        ("../x", "../x"), ("/etc/passwd", "/etc/passwd"), ("\"%2e%2e\"", "%2e%2e"), ("x.csv", "x.csv"), ("\"fin\\0\"", "fin\u{0}"),
        ("data/fin", "data/fin"), ("\"..\"", ".."), ("-fin", "-fin"), ("fïn", "fïn"),
    ])
    func dataThatIsNotAPlainNameIsRefused(written: String, name: String) {
        let chart = "type: bar\ndata: \(written)\nx: year\ny: revenue_usd_m\ntitle: T\n"
        #expect(chartErrors(chart, with: renderer) == [Diagnostic(at: Article.body(2, 7), BlockIssue.notADatasetName(name))])
        let table = "caption: C\ndata: \(written)\n"
        #expect(tableErrors(table, with: renderer) == [Diagnostic(at: Article.body(2, 7), BlockIssue.notADatasetName(name))])
    }

    @Test func unknownDatasetListsTheKnownOnes() {
        let body = "type: bar\ndata: fim\nx: year\ny: revenue_usd_m\ntitle: T\n"
        #expect(
            chartErrors(body, with: renderer) == [
                Diagnostic(at: Article.body(2, 7), BlockIssue.unknownDataset("fim", known: Self.datasetNames))
            ])
        let empty = BlockRenderer(datasets: DatasetLibrary(datasets: []))
        #expect(
            tableErrors("data: fin", with: empty) == [Diagnostic(at: Article.body(1, 7), BlockIssue.unknownDataset("fin", known: []))])
    }

    @Test func unknownColumnsAreAtTheirNames() {
        let body = "type: grouped-bar\ndata: fin\nx: yr\ny: [revenue_usd_m, loss]\nwhere: {sector: cloud}\ntitle: T\n"
        #expect(
            chartErrors(body, with: renderer) == [
                Diagnostic(at: Article.body(3, 4), BlockIssue.unknownColumn("yr", dataset: "fin", known: Self.finColumns)),
                Diagnostic(at: Article.body(4, 20), BlockIssue.unknownColumn("loss", dataset: "fin", known: Self.finColumns)),
                Diagnostic(at: Article.body(5, 9), BlockIssue.unknownColumn("sector", dataset: "fin", known: Self.finColumns)),
            ])
    }

    @Test func textColumnAsValuesIsAnError() {
        let body = "type: line\ndata: fin\nx: year\ny:\n  - revenue_usd_m\n  - segment\ntitle: T\n"
        #expect(chartErrors(body, with: renderer) == [Diagnostic(at: Article.body(6, 5), BlockIssue.textColumn("segment", dataset: "fin"))])
    }

    @Test func aColumnOfNumbersSpoiledByOneCellNamesThatCell() throws {
        let renderer = try Fixture.renderer([Fixture.file("sales.csv", "year,usd\n2023,900\n2024,\"1,000\"\n2025,1100\n")])
        let expected = BlockIssue.textCellInNumbers(column: "usd", dataset: "sales", value: "1,000", place: "Content/data/sales.csv:3")
        #expect(
            chartErrors("type: bar\ndata: sales\nx: year\ny: usd\ntitle: T\n", with: renderer) == [
                Diagnostic(at: Article.body(4, 4), expected)
            ])
        #expect(inlineError("=sum(sales.usd)", with: renderer, at: Article.at(5, 12)) == Diagnostic(at: Article.at(5, 18), expected))
        #expect(expected.message.contains("'1,000' (Content/data/sales.csv:3) is not a number"))
    }

    @Test func lowAndHighOnlyForRange() {
        let body = "type: bar\ndata: capex\nx: company\ny: high_usd_b\nlow: low_usd_b\nhigh: high_usd_b\ntitle: T\n"
        #expect(
            chartErrors(body, with: renderer) == [
                Diagnostic(at: Article.body(5, 1), BlockIssue.keyNotFor(block: "chart", key: "low", type: "bar", takenBy: ["range"])),
                Diagnostic(at: Article.body(6, 1), BlockIssue.keyNotFor(block: "chart", key: "high", type: "bar", takenBy: ["range"])),
            ])
        let range = "type: range\ndata: capex\nx: company\ny: high_usd_b\nhigh: high_usd_b\ntitle: T\n"
        #expect(
            chartErrors(range, with: renderer) == [
                Diagnostic(at: Article.fence, YAMLIssue.missingKey(in: "chart", key: "low")),
                Diagnostic(at: Article.body(4, 1), BlockIssue.keyNotFor(block: "chart", key: "y", type: "range", takenBy: Self.yTypes)),
            ])
    }

    @Test func totalOnlyForWaterfallAndOneColumnForBar() {
        let body = "type: bar\ndata: fin\nx: year\ny: [revenue_usd_m, net_loss_usd_m]\ntotal: End\ntitle: T\n"
        #expect(
            chartErrors(body, with: renderer) == [
                Diagnostic(at: Article.body(4, 4), YAMLIssue.wrongType(in: "chart", key: "y", expected: "one column for bar")),
                Diagnostic(at: Article.body(5, 1), BlockIssue.keyNotFor(block: "chart", key: "total", type: "bar", takenBy: ["waterfall"])),
            ])
    }

    @Test func unknownFormatIsAtItsValue() {
        let body = "type: bar\ndata: fin\nx: year\ny: revenue_usd_m\nformat: usd_x\ntitle: T\n"
        #expect(chartErrors(body, with: renderer) == [Diagnostic(at: Article.body(5, 9), BlockIssue.unknownFormat("usd_x"))])
        let decimals = "type: bar\ndata: fin\nx: year\ny: revenue_usd_m\nformat: usd_m:9\ntitle: T\n"
        #expect(chartErrors(decimals, with: renderer) == [Diagnostic(at: Article.body(5, 9), BlockIssue.unknownFormat("usd_m:9"))])
        let table = "data: fin\ncolumns:\n  - {key: year}\n  - {key: revenue_usd_m, format: dollars}\n"
        #expect(tableErrors(table, with: renderer) == [Diagnostic(at: Article.body(4, 34), BlockIssue.unknownFormat("dollars"))])
    }

    @Test func unknownFormatListsTheNamesTheSignAndTheDecimals() {
        let body = "type: bar\ndata: fin\nx: year\ny: revenue_usd_m\nformat: fraction:1+\ntitle: T\n"
        #expect(chartErrors(body, with: renderer) == [Diagnostic(at: Article.body(5, 9), BlockIssue.unknownFormat("fraction:1+"))])
        #expect(
            BlockIssue.unknownFormat("fraction:1+").message
                == "unknown format 'fraction:1+'; expected one of number, usd, usd_k, usd_m, usd_b, percent, fraction, multiple, "
                + "optionally followed by '+' (a sign on positive values) and ':N' (N decimals, 0\u{2013}6)")
    }

    @Test func badSortOrderIsAtTheOrder() {
        let body = "data: fin\nsort: {key: year, order: up}\n"
        #expect(tableErrors(body, with: renderer) == [Diagnostic(at: Article.body(2, 26), BlockIssue.sortOrder("up"))])
        let unknown = "data: fin\nsort: {key: month, order: desc}\n"
        #expect(
            tableErrors(unknown, with: renderer) == [
                Diagnostic(at: Article.body(2, 13), BlockIssue.unknownColumn("month", dataset: "fin", known: Self.finColumns))
            ])
    }

    @Test func whereWithNoRowsIsAnError() {
        let chart = "type: bar\ndata: fin\nx: year\ny: revenue_usd_m\nwhere: {year: 1999}\ntitle: T\n"
        #expect(chartErrors(chart, with: renderer) == [Diagnostic(at: Article.body(5, 9), BlockIssue.emptyDataset("fin"))])
        let table = "data: fin\nwhere:\n  segment: retail\n"
        #expect(tableErrors(table, with: renderer) == [Diagnostic(at: Article.body(3, 3), BlockIssue.emptyDataset("fin"))])
    }

    @Test func wrongTypesAreAtTheirValues() {
        let body = """
            type: bar
            data: fin
            x: year
            y: revenue_usd_m
            title: [a, b]
            labels: yes
            annotations: {x: 2024}
            source: {url: "https://x.org"}
            """
        #expect(
            chartErrors(body, with: renderer) == [
                Diagnostic(at: Article.body(5, 8), YAMLIssue.wrongType(in: "chart", key: "title", expected: "text")),
                Diagnostic(at: Article.body(6, 9), YAMLIssue.wrongType(in: "chart", key: "labels", expected: "true or false")),
                Diagnostic(
                    at: Article.body(7, 14),
                    YAMLIssue.wrongType(in: "chart", key: "annotations", expected: "a list of {x, text}, {y, text} or {from, to, text}")),
                Diagnostic(at: Article.body(8, 9), YAMLIssue.missingKey(in: "chart source", key: "title")),
            ])
    }

    @Test func severalErrorsInOneBlockAreAllReportedInOrder() {
        let body = """
            type: pie
            data: fin
            colour: red
            y: [revenue_usd_m, net_loss_usd_m]
            format: dollars
            low: x
            """
        #expect(
            chartErrors(body, with: renderer) == [
                Diagnostic(at: Article.fence, YAMLIssue.missingKey(in: "chart", key: "title")),
                Diagnostic(at: Article.fence, YAMLIssue.missingKey(in: "chart", key: "x")),
                Diagnostic(at: Article.body(1, 7), BlockIssue.unknownChartType("pie", known: ChartCatalog.standard.names)),
                Diagnostic(at: Article.body(3, 1), YAMLIssue.unknownKey(in: "chart", key: "colour", known: Self.chartKeys)),
                Diagnostic(at: Article.body(5, 9), BlockIssue.unknownFormat("dollars")),
                Diagnostic(at: Article.body(6, 1), BlockIssue.keyNotFor(block: "chart", key: "low", type: "pie", takenBy: ["range"])),
            ])
    }

    @Test func yamlErrorsInsideTheBlockPointIntoTheArticle() throws {
        let errors = try #require(chartErrors("type: bar\ntitle: a\ntitle: b\n", with: renderer))
        #expect(errors.count == 1)
        #expect(errors.first?.location.path == Article.path)
        #expect(errors.first?.location.line == Article.fenceLine + 3)
    }

    @Test func inlineCSVErrorsPointAtTheArticleLine() {
        let ragged = "type: bar\ncsv: |\n  year,value\n  2022,1\n  2023,1,2\nx: year\ny: value\ntitle: T\n"
        #expect(
            chartErrors(ragged, with: renderer) == [Diagnostic(at: Article.body(5, 3), DataIssue.csvCellCount(found: 3, expected: 2))])
        let quote = "csv: |\n    year,value\n    2022,a\"b\n"
        #expect(tableErrors(quote, with: renderer) == [Diagnostic(at: Article.body(3, 11), DataIssue.csvQuoteInUnquotedField)])
        let column = "type: bar\ncsv: |\n  year,value\n  2022,1\nx: year\ny: amount\ntitle: T\n"
        #expect(
            chartErrors(column, with: renderer) == [
                Diagnostic(at: Article.body(6, 4), BlockIssue.unknownColumn("amount", dataset: "inline", known: ["year", "value"]))
            ])
    }
}

extension BlockErrorTests {
    @Test func sourceFieldsAreChecked() {
        let body = "type: bar\ndata: fin\nx: year\ny: revenue_usd_m\ntitle: T\nsource:\n  title: S\n  url: [a]\n  link: x\n"
        #expect(
            chartErrors(body, with: renderer) == [
                Diagnostic(at: Article.body(8, 8), YAMLIssue.wrongType(in: "chart source", key: "url", expected: "text")),
                Diagnostic(
                    at: Article.body(9, 3), YAMLIssue.unknownKey(in: "chart source", key: "link", known: ["title", "url", "date"])),
            ])
    }

    @Test func tableColumnKeysAreChecked() {
        let body = "data: fin\ncolumns:\n  - {key: year, width: 3}\n"
        #expect(
            tableErrors(body, with: renderer) == [
                Diagnostic(
                    at: Article.body(3, 17),
                    YAMLIssue.unknownKey(
                        in: "table column", key: "width", known: ["key", "label", "format", "link", "bar", "heat", "spark"]))
            ])
    }

    @Test func inlineCSVInAQuotedValueIsPlacedOnItsLine() {
        let body = "data: fin\ncsv: \"a,b\"\n"
        #expect(tableErrors(body, with: renderer) == [Diagnostic(at: Article.body(2, 1), BlockIssue.dataAndCSV(block: "table"))])
        let quoted = "csv: \"a,a\"\n"
        #expect(tableErrors(quoted, with: renderer) == [Diagnostic(at: Article.body(1, 9), DataIssue.csvRepeatedHeader("a"))])
    }
}

@Suite struct AnnotationCategoryTests {
    @Test func anAnnotationOnACategoryTheChartDoesNotHaveIsAnError() throws {
        let datasets = try DatasetLibrary(
            files: [DatasetFile(name: "fin.csv", bytes: Array("year,v\n2023,1\n2024,2\n".utf8))], basePath: "Content/data")
        let fence = SourceLocation(path: "Content/a.md", line: 3, column: 1)
        let body = "type: bar\ndata: fin\nx: year\ny: v\ntitle: T\nannotations:\n  - {x: 2025, text: later}\n"
        do {
            _ = try BlockRenderer(datasets: datasets).chart(BlockParser.chart(body, at: fence), number: 1)
            Issue.record("no error")
        } catch {
            #expect(error.all == [Diagnostic(at: fence, BlockIssue.annotationCategory("2025", known: ["2023", "2024"]))])
        }
    }
}
