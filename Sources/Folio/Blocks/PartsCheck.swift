import FolioCharts
import FolioCore
import FolioFormat

/// What a chart of parts of a whole (`donut`) needs of its values, checked where the block names them.
enum PartsCheck {
    /// Every part is zero or more; shares (`percent`, `fraction`) add up to at most the whole.
    static func check(_ spec: ChartSpec, at location: SourceLocation) throws(Diagnostics) {
        let values = spec.series.first?.values ?? []
        let negatives = zip(spec.categories, values).compactMap { category, value -> Diagnostic? in
            guard let value, value < 0 else { return nil }
            return Diagnostic(at: location, BlockIssue.negativePart(category: category, value: spec.format.format(value)))
        }
        if !negatives.isEmpty { throw Diagnostics(negatives) }
        let whole = spec.format.whole
        let total = values.compactMap { $0 }.reduce(0, +)
        if let whole, total > whole * (1 + 1e-9) {
            throw Diagnostics([Diagnostic(at: location, BlockIssue.partsOverWhole(total: spec.format.format(total)))])
        }
    }
}
