import FolioCore

/// Renders one page's chart and table blocks and inline values in document order, numbering
/// its charts `chart-1`, `chart-2`, … and its tables. Other code blocks and spans are left alone.
public struct PageBlockRenderer: Sendable {
    public let renderer: BlockRenderer
    /// The page's values when it is made from data: `@COLUMN` stands for them.
    public let bindings: RowBindings?
    /// Resolves a table column's `link:` to the pages made from data, from this page.
    public let pageLink: RowPageLink.Resolve?
    /// The blocks and spans of its template as parsed, on a page made from data.
    private let parses: TemplateParses?
    private var charts = 0
    private var tables = 0

    /// `parses`: shared by the pages made from data (used only when `bindings` is set).
    public init(
        _ renderer: BlockRenderer, bindings: RowBindings? = nil, pageLink: RowPageLink.Resolve? = nil, parses: TemplateParses? = nil
    ) {
        self.renderer = renderer
        self.bindings = bindings
        self.pageLink = pageLink
        self.parses = bindings == nil ? nil : parses
    }

    /// The output for a `chart` or `table` block; nil for any other fenced block.
    public mutating func render(_ block: FencedBlock) throws(Diagnostics) -> BlockOutput? {
        let bound = BoundValues(bindings: bindings)
        switch block.kind {
        case "chart":
            charts += 1
            let types = renderer.chartTypes
            let parse = { () throws(Diagnostics) in try BlockParser.chart(block.body, at: block.location, types: types) }
            var request = if let parses { try parses.chart(block, parse: parse) } else { try parse() }
            let own = readsOwnRows(request.data.datasetName, request.conditions)
            request.conditions = try bound.conditions(request.conditions)
            return ownRows(try renderer.chart(request, number: charts, own: own ? bindings : nil), if: own)
        case "table":
            tables += 1
            let parse = { () throws(Diagnostics) in try BlockParser.table(block.body, at: block.location) }
            var request = if let parses { try parses.table(block, parse: parse) } else { try parse() }
            let own = readsOwnRows(request.data.datasetName, request.conditions)
            request.conditions = try bound.conditions(request.conditions)
            return ownRows(try renderer.table(request, number: tables, pageLink: pageLink, own: own ? bindings : nil), if: own)
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
    public func render(_ code: InlineCode) throws(Diagnostics) -> BlockOutput? {
        let bound = BoundValues(bindings: bindings)
        do throws(Diagnostic) {
            if let value = try bound.value(code) { return value }
            let asCell = Result<InlineValueExpression?, Diagnostic> { [parses] () throws(Diagnostic) in
                let parse = { () throws(Diagnostic) in try InlineValueExpression.parse(code.code, at: code.location) }
                return if let parses { try parses.cell(code, parse: parse) } else { try parse() }
            }
            switch asCell {
            case .success(nil):
                return nil
            case .success(var cell?):
                let own = bindings.map { bindings in
                    cell.dataset == bindings.dataset
                        && cell.selectors.contains(.compare(column: bindings.column, op: .equal, value: "@" + bindings.column))
                }
                cell.selectors = try bound.selectors(cell.selectors, at: cell.valueLocations)
                let reads = own == true ? bindings : nil
                return ownRows(try renderer.inlineValue(cell, written: code.code, at: code.location, own: reads), if: own ?? false)
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

    /// Whether a block reading `dataset` under `conditions` (as written) reads only this page's
    /// rows of its template's dataset: those of its value (`where: {company: "@company"}`).
    private func readsOwnRows(_ dataset: String?, _ conditions: [RowCondition]) -> Bool {
        guard let bindings, dataset == bindings.dataset else { return false }
        return conditions.contains { $0.column.name == bindings.column && $0.value == "@" + bindings.column }
    }

    /// The output, its read of the template's dataset narrowed to the page's own rows when `own`.
    private func ownRows(_ output: BlockOutput, if own: Bool) -> BlockOutput {
        guard own, let bindings else { return output }
        var output = output
        output.datasets = output.datasets.map { $0 == bindings.dataset ? bindings.ownRows : $0 }
        return output
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
