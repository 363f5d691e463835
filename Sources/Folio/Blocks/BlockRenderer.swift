import FolioCharts
import FolioCore
import FolioData

/// A file a block adds to the site: a chart's standalone SVG or its data as CSV.
public struct GeneratedFile: Sendable, Equatable {
    public var path: String
    public var text: String
}

/// What a rendered block puts on the page and beside it.
public struct RenderedBlock: Sendable, Equatable {
    public var html: String
    public var files: [GeneratedFile]
    /// The numbers drawn, as formatted text: a header row, then one row per category (for change reports).
    public var numbers: [[String]] = []
}

/// Turns `chart` and `table` blocks and inline values into HTML against the build's datasets.
public struct BlockRenderer: Sendable {
    public let datasets: DatasetLibrary
    /// The types chart blocks may name.
    public let chartTypes: ChartCatalog

    public init(datasets: DatasetLibrary, chartTypes: ChartCatalog = .standard) {
        self.datasets = datasets
        self.chartTypes = chartTypes
    }

    /// The chart block `body` on the page at `pagePath`, the `number`th chart of that page (from 1).
    public func chart(_ body: String, at location: SourceLocation, pagePath: String, number: Int) throws(Diagnostics) -> RenderedBlock {
        try chart(BlockParser.chart(body, at: location, types: chartTypes), pagePath: pagePath, number: number)
    }

    /// A chart block already parsed (callers that also need the request parse it once).
    public func chart(_ request: ChartRequest, pagePath: String, number: Int) throws(Diagnostics) -> RenderedBlock {
        let dataset = try dataset(for: request.data)
        let resolved = try ResolvedChart.resolve(request, dataset: dataset)
        let id = "chart-\(number)"
        let rendered = ChartRenderer.render(resolved.spec, id: id)
        // `charts/` mirrors the pages' folders: one file name per chart, few folders to create.
        let stem = "charts/" + String(pagePath.dropLast(".html".count)) + "." + id
        let svgPath = stem + ".svg"
        let csvPath = stem + ".csv"
        let html = ChartFigure.html(
            rendered, spec: resolved.spec, id: id, sourceLine: resolved.sourceLine,
            csvLink: RelativePath.link(from: pagePath, to: csvPath), svgLink: RelativePath.link(from: pagePath, to: svgPath))
        return RenderedBlock(
            html: html,
            files: [
                GeneratedFile(path: svgPath, text: rendered.standaloneSVG),
                GeneratedFile(path: csvPath, text: CSVWriter.write(header: resolved.csvHeader, rows: resolved.csvRows)),
            ],
            numbers: [rendered.table.header] + rendered.table.rows)
    }

    public func table(_ body: String, at location: SourceLocation) throws(Diagnostics) -> String {
        try table(BlockParser.table(body, at: location))
    }

    /// A table block already parsed.
    public func table(_ request: TableRequest) throws(Diagnostics) -> String {
        try TableBlock.html(request, dataset: try dataset(for: request.data))
    }

    /// The HTML for a code span, or nil when it is not an inline value (does not start with `=`).
    public func inlineValue(_ code: String, at location: SourceLocation) throws(Diagnostic) -> String? {
        guard let expression = try InlineValueExpression.parse(code, at: location) else { return nil }
        return try inlineValue(expression, at: location).html
    }

    /// An inline value already parsed: its HTML, and the text it shows (for change reports).
    public func inlineValue(
        _ expression: InlineValueExpression, at location: SourceLocation
    ) throws(Diagnostic) -> (html: String, text: String) {
        try InlineValue.html(expression, datasets: datasets, at: location)
    }

    private func dataset(for reference: DataReference) throws(Diagnostics) -> Dataset {
        switch reference {
        case .dataset(let name, let location):
            do {
                return try datasets.dataset(name, at: location)
            } catch {
                throw Diagnostics([error])
            }
        case .inlineCSV(let text, let location):
            return try InlineCSV.read(text, at: location)
        }
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
