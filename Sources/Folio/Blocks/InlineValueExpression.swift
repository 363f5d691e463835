import FolioCore
import FolioData
import FolioFormat

/// How a selector compares a column with its value.
public enum ComparisonOperator: String, CaseIterable, Equatable, Sendable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// Whether a cell that orders `order` against the value satisfies the comparison.
    func accepts(_ order: CellOrder) -> Bool {
        switch self {
        case .equal: order == .same
        case .notEqual: order != .same
        case .less: order == .before
        case .lessOrEqual: order != .after
        case .greater: order == .after
        case .greaterOrEqual: order != .before
        }
    }
}

/// A parsed inline value: `=dataset.column[key=value][…]|format` or `=dataset.low..high[last]|format`.
public struct InlineValueExpression: Equatable, Sendable {
    public enum Selector: Equatable, Sendable {
        /// `[column OP value]`; `value` is unquoted (`""` inside quotes read as one `"`).
        case compare(column: String, op: ComparisonOperator, value: String)
        case last
    }

    public var dataset: String
    /// One column, or two for a low–high range.
    public var columns: [String]
    public var selectors: [Selector]
    /// Where each selector's value starts in the article (for `[last]`, its `[`): errors about a
    /// value point there.
    public var valueLocations: [SourceLocation]
    public var format: NumberFormat?

    /// The selectors as written, for messages: `[year>=2023][company!=Meta]`. Spaces around the
    /// column and the value are left out, and a value is quoted only when it must be (it is empty,
    /// has a `]`, starts with `=` or `"`, or starts or ends with a space), so the text parses back
    /// to the same selectors.
    public var selectorText: String { Self.text(of: selectors) }

    /// `selectors` as written, as `selectorText` describes.
    static func text(of selectors: [Selector]) -> String {
        selectors.map {
            switch $0 {
            case .compare(let column, let op, let value): "[\(column)\(op.rawValue)\(Self.written(value))]"
            case .last: "[last]"
            }
        }.joined()
    }

    private static func written(_ value: String) -> String {
        let scalars = value.unicodeScalars
        let quoted =
            scalars.isEmpty || scalars.contains("]") || scalars.first == "=" || scalars.first == "\"" || scalars.first == " "
            || scalars.last == " "
        guard quoted else { return value }
        return "\"" + value.replacingQuotes() + "\""
    }

    /// Parses the text of a code span that starts with `=`; nil when it does not start with `=`.
    /// A malformed expression throws with the column of the problem inside the span.
    public static func parse(_ code: String, at location: SourceLocation) throws(Diagnostic) -> InlineValueExpression? {
        guard code.hasPrefix("=") else { return nil }
        var scanner = SpanScanner(Array(code.unicodeScalars), location: location)
        scanner.index = 1
        func fail(_ problem: String) -> Diagnostic {
            Diagnostic(at: scanner.location, BlockIssue.inlineSyntax(problem))
        }
        let dataset = scanner.take { $0 != "." && $0 != "[" && $0 != "|" }
        guard !dataset.isEmpty else { throw fail("no dataset name after '='") }
        guard DatasetLibrary.isPlainName(dataset) else {
            throw Diagnostic(at: location.offset(lines: 0, column: location.column + 2), BlockIssue.notADatasetName(dataset))
        }
        guard scanner.consume(".") else { throw fail("no '.COLUMN' after the dataset name") }
        var columns = [scanner.takeColumn()]
        if scanner.consume(".."), scanner.peek(0) != nil {
            columns.append(scanner.takeColumn())
        }
        guard columns.allSatisfy({ !$0.isEmpty }) else { throw fail("an empty column name") }
        let (selectors, valueLocations) = try scanner.selectors()
        guard !selectors.isEmpty else { throw fail("no row selector") }
        var format: NumberFormat?
        if scanner.consume("|") {
            let start = scanner.location
            let name = scanner.take { _ in true }
            guard let parsed = NumberFormat(parsing: name.trimmingSpaces) else {
                throw Diagnostic(at: start, BlockIssue.unknownFormat(name))
            }
            format = parsed
        }
        guard scanner.peek(0) == nil else { throw fail("unexpected text '\(scanner.rest)'") }
        return InlineValueExpression(
            dataset: dataset, columns: columns, selectors: selectors, valueLocations: valueLocations, format: format)
    }
}

extension String {
    /// The text with each `"` doubled, as inside a quoted selector value.
    func replacingQuotes() -> String {
        var doubled = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            doubled.append(scalar)
            if scalar == "\"" { doubled.append(scalar) }
        }
        return String(doubled)
    }
}
