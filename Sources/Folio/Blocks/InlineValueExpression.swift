import FolioCore
import FolioData
import FolioFormat

/// A parsed inline value: `=dataset.column[key=value][…]|format` or `=dataset.low..high[last]|format`.
public struct InlineValueExpression: Equatable, Sendable {
    public enum Selector: Equatable, Sendable {
        case equals(column: String, value: String)
        case last
    }

    public var dataset: String
    /// One column, or two for a low–high range.
    public var columns: [String]
    public var selectors: [Selector]
    public var format: NumberFormat?

    /// The selectors as written, for messages: `[year=2024][measure=loss]`.
    public var selectorText: String {
        selectors.map {
            switch $0 {
            case .equals(let column, let value): "[\(column)=\(value)]"
            case .last: "[last]"
            }
        }.joined()
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
        while scanner.consume("[") {
            let inside = scanner.take { $0 != "]" }
            guard scanner.consume("]") else { throw fail("'[' without a closing ']'") }
            if inside == "last" {
                selectors.append(.last)
            } else if let equals = inside.unicodeScalars.firstIndex(of: "=") {
                let column = String(inside.unicodeScalars[..<equals]).trimmed
                let value = String(inside.unicodeScalars[inside.unicodeScalars.index(after: equals)...]).trimmed
                guard !column.isEmpty else { throw fail("a selector without a column before '='") }
                selectors.append(.equals(column: column, value: value))
            } else {
                throw fail("the selector '[\(inside)]' is neither [COLUMN=VALUE] nor [last]")
            }
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
        return InlineValueExpression(dataset: dataset, columns: columns, selectors: selectors, format: format)
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
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
