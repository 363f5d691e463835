import FolioCharts
import FolioCore
import FolioData
import FolioFormat

/// Turns parsed `chart` and `table` blocks and inline values into typed outputs against the
/// build's datasets. It knows nothing of pages or paths: the Site stage places the artifacts.
public struct BlockRenderer: Sendable {
    public let datasets: DatasetLibrary
    /// The types chart blocks may name.
    public let chartTypes: ChartCatalog
    /// Runs blocks' own queries (`sql:`); nil where there is no SQL engine.
    public let queries: (any DatasetQuerying)?
    /// The page's language (SPEC §8): numbers are written its way, columns named by its `labels_LANG`.
    public var language: String
    /// The words charts are described in: the language's `chart_*` theme words.
    public var chartWords: ChartWords

    public init(
        datasets: DatasetLibrary, chartTypes: ChartCatalog = .standard, queries: (any DatasetQuerying)? = nil, language: String = "en",
        chartWords: ChartWords
    ) {
        self.datasets = datasets
        self.chartTypes = chartTypes
        self.queries = queries
        self.language = language
        self.chartWords = chartWords
    }

    /// The `number`th chart of its page (from 1), with the id `chart-N`. `own`: the page made from
    /// data whose own rows the chart's `where:` reads (`{company: "@company"}`), nil for any other chart.
    public func chart(_ request: ChartRequest, number: Int, own: RowBindings? = nil) throws(Diagnostics) -> BlockOutput {
        let (dataset, read) = try dataset(for: request.data)
        let resolved = try ResolvedChart.resolve(
            request, dataset: dataset, library: datasets, language: language, own: own, words: chartWords)
        let id = "chart-\(number)"
        let rendered = ChartRenderer.render(resolved.spec, id: id)
        let frame = ChartFrame(
            id: id, title: resolved.spec.title, subtitle: resolved.spec.subtitle, graphicHTML: rendered.inlineHTML,
            sourceHTML: resolved.citation?.html,
            tableHTML: DataTableHTML.html(header: rendered.table.header, rows: rendered.table.rows, numericFrom: 1, caption: nil))
        return BlockOutput(
            content: .chart(frame),
            ids: [id, id + "-heading"] + rendered.ids,
            artifacts: [
                BlockArtifact(kind: .svg, text: rendered.standaloneSVG),
                BlockArtifact(kind: .csv, text: CSVWriter.write(header: resolved.csvHeader, rows: resolved.csvRows)),
            ],
            record: BlockRecord(
                id: id, kind: .chart, title: request.title, dataset: request.data.datasetName,
                cells: [rendered.table.header] + rendered.table.rows),
            datasets: read)
    }

    /// The `number`th table of its page (from 1).
    /// `pageLink` resolves a column's `link:` to the pages made from data; `own`, as for `chart`.
    public func table(
        _ request: TableRequest, number: Int, pageLink: RowPageLink.Resolve? = nil, own: RowBindings? = nil
    ) throws(Diagnostics) -> BlockOutput {
        let (dataset, read) = try dataset(for: request.data)
        let table = try TableBlock.render(request, dataset: dataset, library: datasets, language: language, pageLink: pageLink, own: own)
        return BlockOutput(
            content: .html(table.html), ids: [], artifacts: [],
            record: BlockRecord(
                id: "table \(number)", kind: .table, title: request.caption, dataset: request.data.datasetName, cells: table.cells),
            datasets: read)
    }

    /// An inline value; `written` is the code span's text, which names it in the change report.
    /// `own`: the page made from data whose own rows its selectors pick (`[company=@company]`).
    public func inlineValue(
        _ expression: InlineValueExpression, written: String, at location: SourceLocation, own: RowBindings? = nil
    ) throws(Diagnostic) -> BlockOutput {
        let value = try InlineValue.render(expression, datasets: datasets, language: language, at: location, own: own)
        return BlockOutput(
            content: .html(value.html), ids: [], artifacts: [],
            record: BlockRecord(id: written, kind: .value, title: nil, dataset: expression.dataset, cells: [[value.text]]),
            datasets: [expression.dataset], sources: value.sources)
    }

    /// A computed inline value (SPEC §5), evaluated on the build's SQL engine.
    public func computedValue(
        _ value: ComputedValueExpression, written: String, at location: SourceLocation
    ) throws(Diagnostic) -> BlockOutput {
        let computed = try ComputedValue.render(value, datasets: datasets, queries: queries, language: language, at: location)
        return BlockOutput(
            content: .html(computed.html), ids: [], artifacts: [],
            record: BlockRecord(id: written, kind: .value, title: nil, dataset: nil, cells: [[computed.text]]),
            datasets: computed.reads, sources: computed.sources)
    }

    /// A computed value outside an article (`site.yml`'s `data_as_of: =max(sources.date)`): its text
    /// as shown, and the datasets it read. `location` is where the `=` is.
    public func computedText(_ written: String, at location: SourceLocation) throws(Diagnostics) -> (text: String, reads: [String]) {
        do {
            let origin = location.offset(lines: 0, column: location.column - 1)
            let value = try ComputedExpressionParser.value(written, at: origin)
            let computed = try ComputedValue.render(value, datasets: datasets, queries: queries, language: language, at: location)
            return (computed.text, computed.reads)
        } catch {
            throw Diagnostics([error])
        }
    }

    /// A claim (SPEC §5b): nothing on the page, and an error when the data does not bear it out.
    public func claim(_ request: ClaimRequest) throws(Diagnostics) -> BlockOutput {
        do {
            let checked = try ClaimCheck.check(request, datasets: datasets, queries: queries)
            return BlockOutput(content: .html(""), ids: [], artifacts: [], record: checked.record, datasets: checked.reads)
        } catch {
            throw Diagnostics([error])
        }
    }

    /// The rows a block draws, and the datasets they came from (for rebuilds).
    private func dataset(for reference: DataReference) throws(Diagnostics) -> (Dataset, [String]) {
        switch reference {
        case .dataset(let name, let location):
            do {
                return (try datasets.dataset(name, at: location), [name])
            } catch {
                throw Diagnostics([error])
            }
        case .inlineCSV(let text, let location):
            return (try InlineCSV.read(text, at: location), [])
        case .query(let sql, let location):
            guard let queries else { throw Diagnostics([Diagnostic(at: location, BlockIssue.noQueries)]) }
            let result = try queries.dataset(forQuery: sql, at: location)
            return (result.dataset, result.reads)
        }
    }
}

extension DataReference {
    /// Where the block names its data.
    public var location: SourceLocation {
        switch self {
        case .dataset(_, let location), .inlineCSV(_, let location), .query(_, let location): location
        }
    }

    /// The dataset's name; nil for CSV written in the block.
    public var datasetName: String? {
        if case .dataset(let name, _) = self { return name }
        return nil
    }
}

/// `csv: |` written inside a block, read by the Data stage's strict CSV reader; its errors point
/// into the article.
enum InlineCSV {
    static func read(_ text: String, at location: SourceLocation) throws(Diagnostics) -> Dataset {
        do {
            return try DatasetReader.read(Array(text.utf8), format: .csv, name: "inline", path: location.path)
        } catch {
            var moved = error
            moved.location = SourceLocation(
                path: location.path, line: location.line + error.location.line - 1, column: location.column + error.location.column - 1)
            throw Diagnostics([moved])
        }
    }
}
