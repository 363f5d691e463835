import FolioCore

/// Renders one page's chart and table blocks and inline values in document order, numbering
/// its charts `chart-1`, `chart-2`, … and its tables. Other code blocks and spans are left alone.
public struct PageBlockRenderer: Sendable {
    public let renderer: BlockRenderer
    /// The page's values when it is made from data: `@COLUMN` stands for them.
    public let bindings: RowBindings?
    /// Resolves a table column's `link:` to the pages made from data, from this page.
    public let pageLink: RowPageLink.Resolve?
    private var charts = 0
    private var tables = 0

    public init(_ renderer: BlockRenderer, bindings: RowBindings? = nil, pageLink: RowPageLink.Resolve? = nil) {
        self.renderer = renderer
        self.bindings = bindings
        self.pageLink = pageLink
    }

    /// The output for a `chart` or `table` block; nil for any other fenced block.
    public mutating func render(_ block: FencedBlock) throws(Diagnostics) -> BlockOutput? {
        let bound = BoundValues(bindings: bindings)
        switch block.kind {
        case "chart":
            charts += 1
            var request = try BlockParser.chart(block.body, at: block.location, types: renderer.chartTypes)
            request.conditions = try bound.conditions(request.conditions)
            return try renderer.chart(request, number: charts)
        case "table":
            tables += 1
            var request = try BlockParser.table(block.body, at: block.location)
            request.conditions = try bound.conditions(request.conditions)
            return try renderer.table(request, number: tables, pageLink: pageLink)
        case "claim":
            var request = try BlockParser.claim(block.body, at: block.location)
            if case .holds(let condition) = request.test {
                do throws(Diagnostic) {
                    request.test = .holds(try bound.condition(condition))
                } catch {
                    throw Diagnostics([error])
                }
            }
            return try renderer.claim(request)
        default:
            return nil
        }
    }

    /// The output for an inline value (a code span starting with `=`); nil for any other span.
    /// A span that reads as one cell (`=data.column[year=2024]`) shows the cell as written; any
    /// other is computed. When it reads as neither, the error is the computed reading's if the
    /// span has arithmetic in it, else the one-cell reading's.
    public mutating func render(_ code: InlineCode) throws(Diagnostics) -> BlockOutput? {
        let bound = BoundValues(bindings: bindings)
        do throws(Diagnostic) {
            if let value = try bound.value(code) { return value }
            let asCell = Result<InlineValueExpression?, Diagnostic> { () throws(Diagnostic) in
                try InlineValueExpression.parse(code.code, at: code.location)
            }
            switch asCell {
            case .success(nil):
                return nil
            case .success(var cell?):
                cell.selectors = try bound.selectors(cell.selectors, at: cell.valueLocations)
                return try renderer.inlineValue(cell, written: code.code, at: code.location)
            case .failure(let asCell):
                var computed: ComputedValueExpression
                do {
                    computed = try ComputedExpressionParser.value(code.code, at: code.location)
                } catch let asComputed {
                    throw Self.looksComputed(code.code) ? asComputed : asCell
                }
                computed.expression = try bound.expression(computed.expression)
                return try renderer.computedValue(computed, written: code.code, at: code.location)
            }
        } catch {
            throw Diagnostics([error])
        }
    }

    /// Whether the span has `+ * / ( )` or a space outside its selectors, quotes and format, or
    /// starts with `-` or `"`: arithmetic, where one cell (whose names may hold `-`) has none.
    static func looksComputed(_ code: String) -> Bool {
        let first = code.unicodeScalars.dropFirst().first
        if first == "-" || first == "\"" { return true }
        var depth = 0
        var quoted = false
        for scalar in code.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            guard !quoted else { continue }
            if scalar == "[" { depth += 1 }
            if scalar == "]" { depth = max(0, depth - 1) }
            guard depth == 0 else { continue }
            if scalar == "|" { return false }
            if "+*/() ".unicodeScalars.contains(scalar) { return true }
        }
        return false
    }
}
