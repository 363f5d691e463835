import FolioCore

/// Reads an inline value's or a claim's characters, tracking the column in the article for errors.
struct SpanScanner {
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

    /// Every `[…]` selector at the scanner, and where each one's value starts (for `[last]`, its `[`).
    mutating func selectors() throws(Diagnostic) -> ([InlineValueExpression.Selector], [SourceLocation]) {
        var selectors: [InlineValueExpression.Selector] = []
        var valueLocations: [SourceLocation] = []
        while peek(0) == "[" {
            let open = location
            index += 1
            if consume("last]") {
                selectors.append(.last)
                valueLocations.append(open)
                continue
            }
            let (selector, valueLocation) = try comparison()
            selectors.append(selector)
            valueLocations.append(valueLocation)
        }
        return (selectors, valueLocations)
    }

    /// `COLUMN OP VALUE]` after a selector's `[`: the selector and where its value starts. The
    /// column runs to the first operator character; the operator is the longest of `!= <= >= = < >`
    /// there; the value is `"…"` (with `""` for a quote inside) or runs to the next `]`.
    mutating func comparison() throws(Diagnostic) -> (InlineValueExpression.Selector, SourceLocation) {
        let column = take { !"!<>=]".unicodeScalars.contains($0) }.trimmingSpaces
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
            value = take { $0 != "]" }.trimmingSpaces
            guard peek(0) != nil else { throw fail(.inlineSyntax("'[' without a closing ']'")) }
            guard !value.isEmpty else {
                throw Diagnostic(at: valueLocation, BlockIssue.selectorWithoutValue(column: column, op: op.rawValue))
            }
        }
        index += 1
        return (.compare(column: column, op: op, value: value), valueLocation)
    }

    /// The longest operator at the scanner, consumed.
    mutating func takeOperator() -> ComparisonOperator? {
        take(firstOf: [ComparisonOperator.notEqual, .lessOrEqual, .greaterOrEqual, .equal, .less, .greater])
    }

    /// The first of `options` written at the scanner, consumed; list longer spellings first.
    mutating func take<Option: RawRepresentable>(firstOf options: [Option]) -> Option? where Option.RawValue == String {
        for option in options where consume(option.rawValue) { return option }
        return nil
    }

    /// The rest of a quoted value after its opening `"`, through the closing one.
    mutating func quotedValue(openedAt quote: SourceLocation) throws(Diagnostic) -> String {
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
