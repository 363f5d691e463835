import FolioCore

/// Renders one page's chart and table blocks and inline values in document order, numbering
/// its charts `chart-1`, `chart-2`, … and its tables. Other code blocks and spans are left alone.
public struct PageBlockRenderer: Sendable {
    public let renderer: BlockRenderer
    private var charts = 0
    private var tables = 0

    public init(_ renderer: BlockRenderer) {
        self.renderer = renderer
    }

    /// The output for a `chart` or `table` block; nil for any other fenced block.
    public mutating func render(_ block: FencedBlock) throws(Diagnostics) -> BlockOutput? {
        switch block.kind {
        case "chart":
            charts += 1
            return try renderer.chart(BlockParser.chart(block.body, at: block.location, types: renderer.chartTypes), number: charts)
        case "table":
            tables += 1
            return try renderer.table(BlockParser.table(block.body, at: block.location), number: tables)
        default:
            return nil
        }
    }

    /// The output for an inline value (a code span starting with `=`); nil for any other span.
    public mutating func render(_ code: InlineCode) throws(Diagnostics) -> BlockOutput? {
        do {
            guard let expression = try InlineValueExpression.parse(code.code, at: code.location) else { return nil }
            return try renderer.inlineValue(expression, written: code.code, at: code.location)
        } catch {
            throw Diagnostics([error])
        }
    }
}
