import FolioCore
import FolioData
import FolioFormat

/// A computed inline value (`=sum(q.ebitda[year=2025])|usd_b`): the number from the build's SQL
/// engine as `<data value="…">formatted</data>`, the value holding the computed number.
enum ComputedValue {
    static func render(
        _ value: ComputedValueExpression, datasets: DatasetLibrary, queries: (any DatasetQuerying)?,
        language: String = "en", at location: SourceLocation
    ) throws(Diagnostic) -> (html: String, text: String, reads: [String], sources: [Source]) {
        let kind = try unit(of: value.expression, datasets: datasets)
        let format: NumberFormat
        if let given = value.format { format = given } else { format = try defaultFormat(for: kind, at: location) }
        var query = ComputedQuery(datasets: datasets, at: location)
        query.output(try query.sql(value.expression))
        let outcome = try query.run(on: queries)
        guard let result = outcome.outputs.first, !result.isMissing else {
            throw Diagnostic(at: location, BlockIssue.computeFailed("the result is empty"))
        }
        // A text result (`max(sources.date)`) is shown as written; a number in its format.
        var shown = result.text
        if kind != .text {
            guard let number = result.number else { throw Diagnostic(at: location, BlockIssue.computeFailed("the result is not a number")) }
            shown = format.written(in: NumberLanguage.forCode(language)).format(number)
        }
        let html = "<data value=\"\(Escape.html(result.text))\">\(Escape.html(shown))</data>"
        return (html, shown, outcome.reads, query.citedSources())
    }

    /// SPEC §5: `count`, `*` and `/` give `number`; `+`, `-` and aggregates keep the unit of their
    /// columns when it is one unit; mixed units are an error without `|FORMAT`.
    static func defaultFormat(for kind: ValueUnit, at location: SourceLocation) throws(Diagnostic) -> NumberFormat {
        switch kind {
        case .unit(let unit): NumberFormat(unit: unit)
        case .free, .number, .text: NumberFormat(.number)
        case .mixed(let units): throw Diagnostic(at: location, BlockIssue.mixedUnits(units))
        }
    }

    /// What an expression's value is measured in.
    enum ValueUnit: Equatable {
        /// A number written in the expression: it takes the unit of what it is added to.
        case free
        /// A count, product or ratio.
        case number
        /// A column's unit (nil: the sidecar gives none).
        case unit(String?)
        case mixed([String])
        /// The first or last text of a text column in code-point order (`max(sources.date)`), shown as written.
        case text

        var names: [String] {
            switch self {
            case .free: []
            case .number: ["number"]
            case .unit(let unit): [unit ?? "no unit"]
            case .mixed(let units): units
            case .text: ["text"]
            }
        }

        /// The unit of a sum or difference.
        func adding(_ other: ValueUnit) -> ValueUnit {
            if self == .free || self == other { return other }
            if other == .free { return self }
            var units = names
            for name in other.names where !units.contains(name) { units.append(name) }
            return .mixed(units)
        }
    }

    static func unit(of expression: ComputedExpression, datasets: DatasetLibrary) throws(Diagnostic) -> ValueUnit {
        switch expression {
        case .number: return .free
        case .cell(let reference): return .unit(try columnUnit(reference, datasets: datasets))
        case .aggregate(.count, _): return .number
        case .aggregate(_, let reference):
            if try isText(reference, datasets: datasets) { return .text }
            return .unit(try columnUnit(reference, datasets: datasets))
        case .negate(let inner): return try number(inner, datasets: datasets)
        case .binary(let op, let left, let right, _):
            let (a, b) = (try number(left, datasets: datasets), try number(right, datasets: datasets))
            return op == .plus || op == .minus ? a.adding(b) : .number
        }
    }

    /// The unit of an operand of arithmetic or a comparison, which must be a number.
    static func number(_ expression: ComputedExpression, datasets: DatasetLibrary) throws(Diagnostic) -> ValueUnit {
        let found = try unit(of: expression, datasets: datasets)
        if found == .text, case .aggregate(_, let reference) = expression {
            throw Diagnostic(at: reference.location, BlockIssue.textColumn(reference.column ?? "", dataset: reference.dataset))
        }
        return found
    }

    private static func isText(_ reference: CellReference, datasets: DatasetLibrary) throws(Diagnostic) -> Bool {
        let dataset = try datasets.dataset(reference.dataset, at: reference.location)
        guard let column = reference.column else { return false }
        return !dataset.columns[try dataset.columnIndex(ColumnReference(name: column, location: reference.location))].isNumeric
    }

    private static func columnUnit(_ reference: CellReference, datasets: DatasetLibrary) throws(Diagnostic) -> String? {
        let dataset = try datasets.dataset(reference.dataset, at: reference.location)
        guard let column = reference.column else { return nil }
        return dataset.columns[try dataset.columnIndex(ColumnReference(name: column, location: reference.location))].unit
    }
}
