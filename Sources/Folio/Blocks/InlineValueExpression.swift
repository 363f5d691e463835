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
    public var selectorText: String {
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
        var scanner = Scanner(Array(code.unicodeScalars), location: location)
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
        var selectors: [Selector] = []
        var valueLocations: [SourceLocation] = []
        while scanner.peek(0) == "[" {
            let open = scanner.location
            scanner.index += 1
            if scanner.consume("last]") {
                selectors.append(.last)
                valueLocations.append(open)
                continue
            }
            let (selector, valueLocation) = try scanner.comparison()
            selectors.append(selector)
            valueLocations.append(valueLocation)
        }
        guard !selectors.isEmpty else { throw fail("no row selector") }
        var format: NumberFormat?
        if scanner.consume("|") {
            let start = scanner.location
            let name = scanner.take { _ in true }
            guard let parsed = NumberFormat(parsing: name.trimmed) else {
                throw Diagnostic(at: start, BlockIssue.unknownFormat(name))
            }
            format = parsed
        }
        guard scanner.peek(0) == nil else { throw fail("unexpected text '\(scanner.rest)'") }
        return InlineValueExpression(
            dataset: dataset, columns: columns, selectors: selectors, valueLocations: valueLocations, format: format)
    }

    /// Reads the expression's characters, tracking the column in the article for errors.
    private struct Scanner {
        let scalars: [Unicode.Scalar]
        /// The location of the span's opening backtick.
        let origin: SourceLocation
        var index = 0

        init(_ scalars: [Unicode.Scalar], location: SourceLocation) {
            self.scalars = scalars
            self.origin = location
        }

        /// Where the scanner is: one column for the backtick, then one per character.
        var location: SourceLocation { origin.offset(lines: 0, column: origin.column + 1 + index) }

        var rest: String { String(String.UnicodeScalarView(scalars[index...])) }

        func peek(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }

        mutating func consume(_ text: String) -> Bool {
            let wanted = Array(text.unicodeScalars)
            guard index + wanted.count <= scalars.count, Array(scalars[index..<index + wanted.count]) == wanted else { return false }
            index += wanted.count
            return true
        }

        mutating func take(while predicate: (Unicode.Scalar) -> Bool) -> String {
            let start = index
            while index < scalars.count, predicate(scalars[index]) { index += 1 }
            return String(String.UnicodeScalarView(scalars[start..<index]))
        }

        func fail(_ issue: BlockIssue) -> Diagnostic {
            Diagnostic(at: location, issue)
        }

        /// `COLUMN OP VALUE]` after a selector's `[`: the selector and where its value starts. The
        /// column runs to the first operator character; the operator is the longest of `!= <= >= = < >`
        /// there; the value is `"…"` (with `""` for a quote inside) or runs to the next `]`.
        mutating func comparison() throws(Diagnostic) -> (InlineValueExpression.Selector, SourceLocation) {
            let column = take { !"!<>=]".unicodeScalars.contains($0) }.trimmed
            guard peek(0) != nil else { throw fail(.inlineSyntax("'[' without a closing ']'")) }
            guard let op = takeOperator() else {
                if column.isEmpty && peek(0) == "]" { throw fail(.inlineSyntax("an empty selector '[]'")) }
                throw fail(.selectorWithoutOperator(column: column))
            }
            let opLocation = origin.offset(lines: 0, column: location.column - op.rawValue.unicodeScalars.count)
            guard !column.isEmpty else {
                throw Diagnostic(at: opLocation, BlockIssue.inlineSyntax("a selector without a column before '\(op.rawValue)'"))
            }
            _ = take { $0 == " " }
            let valueLocation = location
            let value: String
            if consume("\"") {
                value = try quotedValue(openedAt: valueLocation)
                _ = take { $0 == " " }
                guard peek(0) != nil else { throw fail(.inlineSyntax("'[' without a closing ']'")) }
                guard peek(0) == "]" else {
                    let start = location
                    throw Diagnostic(at: start, BlockIssue.textAfterQuotedValue(take { $0 != "]" }))
                }
            } else {
                value = take { $0 != "]" }.trimmed
                guard peek(0) != nil else { throw fail(.inlineSyntax("'[' without a closing ']'")) }
                guard !value.isEmpty else {
                    throw Diagnostic(at: valueLocation, BlockIssue.selectorWithoutValue(column: column, op: op.rawValue))
                }
            }
            index += 1
            return (.compare(column: column, op: op, value: value), valueLocation)
        }

        /// The longest operator at the scanner, consumed.
        private mutating func takeOperator() -> ComparisonOperator? {
            for op in [ComparisonOperator.notEqual, .lessOrEqual, .greaterOrEqual, .equal, .less, .greater] where consume(op.rawValue) {
                return op
            }
            return nil
        }

        /// The rest of a quoted value after its opening `"`, through the closing one.
        private mutating func quotedValue(openedAt quote: SourceLocation) throws(Diagnostic) -> String {
            var value = String.UnicodeScalarView()
            while let scalar = peek(0) {
                index += 1
                guard scalar == "\"" else {
                    value.append(scalar)
                    continue
                }
                guard peek(0) == "\"" else { return String(value) }
                value.append("\"")
                index += 1
            }
            throw Diagnostic(at: quote, BlockIssue.unclosedQuote)
        }

        /// A column name runs to `[`, `|` or `..`.
        mutating func takeColumn() -> String {
            let start = index
            while index < scalars.count, scalars[index] != "[", scalars[index] != "|" {
                if scalars[index] == ".", peek(1) == "." { break }
                index += 1
            }
            return String(String.UnicodeScalarView(scalars[start..<index]))
        }
    }
}

extension String {
    var trimmed: String {
        String(String.UnicodeScalarView(unicodeScalars.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()))
    }

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
