import FolioCore
import FolioFormat

/// Reads computed inline values (`=sum(q.ebitda[year=2025])|usd_b`) and claims' `holds:` tests,
/// reporting each mistake at its column in the article.
struct ComputedExpressionParser {
    private var scanner: SpanScanner
    /// `inline value` or `claim`, to start messages.
    private let context: String

    private init(_ text: String, origin: SourceLocation, start: Int, context: String) {
        scanner = SpanScanner(Array(text.unicodeScalars), location: origin)
        scanner.index = start
        self.context = context
    }

    /// A code span's text, `=` included, whose opening backtick is at `location`.
    static func value(_ code: String, at location: SourceLocation) throws(Diagnostic) -> ComputedValueExpression {
        var parser = ComputedExpressionParser(code, origin: location, start: 1, context: "inline value")
        let expression = try parser.sum()
        parser.skipSpaces()
        var format: NumberFormat?
        if parser.scanner.consume("|") {
            let start = parser.scanner.location
            let name = parser.scanner.take { _ in true }
            guard let parsed = NumberFormat(parsing: name.trimmingSpaces) else {
                throw Diagnostic(at: start, BlockIssue.unknownFormat(name))
            }
            format = parsed
        }
        guard parser.scanner.peek(0) == nil else {
            throw parser.fail("unexpected '\(parser.scanner.rest)'", expected: "an operator (+ - * /), '|FORMAT' or the end")
        }
        return ComputedValueExpression(expression: expression, format: format)
    }

    /// A claim's `holds:` text, whose first character is at `start`.
    static func condition(_ text: String, at start: SourceLocation) throws(Diagnostic) -> ClaimCondition {
        var parser = ComputedExpressionParser(text, origin: start.offset(lines: 0, column: start.column - 1), start: 0, context: "claim")
        let condition = try parser.disjunction()
        parser.skipSpaces()
        guard parser.scanner.peek(0) == nil else {
            throw parser.fail("unexpected '\(parser.scanner.rest)'", expected: "an operator, 'and', 'or' or the end")
        }
        return condition
    }

    private func fail(_ problem: String, expected: String) -> Diagnostic {
        Diagnostic(at: scanner.location, BlockIssue.expressionSyntax(context: context, problem: problem, expected: expected))
    }

    private var next: String {
        scanner.peek(0).map { "'\($0)'" } ?? "the end"
    }

    private mutating func skipSpaces() {
        _ = scanner.take { $0 == " " || $0 == "\t" || $0 == "\n" }
    }

    // MARK: Conditions

    private mutating func disjunction() throws(Diagnostic) -> ClaimCondition {
        var condition = try conjunction()
        while keyword("or") { condition = .or(condition, try conjunction()) }
        return condition
    }

    private mutating func conjunction() throws(Diagnostic) -> ClaimCondition {
        var condition = try negation()
        while keyword("and") { condition = .and(condition, try negation()) }
        return condition
    }

    private mutating func negation() throws(Diagnostic) -> ClaimCondition {
        if keyword("not") { return .not(try negation()) }
        skipSpaces()
        if scanner.peek(0) == "(" {
            // `(a > b) or …` groups conditions; `(a + b) > c` groups arithmetic: try the first.
            let start = scanner.index
            scanner.index += 1
            if let inner = try? disjunction() {
                skipSpaces()
                if scanner.consume(")"), !startsOperator() { return inner }
            }
            scanner.index = start
        }
        return try comparison()
    }

    private mutating func comparison() throws(Diagnostic) -> ClaimCondition {
        let left = try sum()
        skipSpaces()
        var found: ComparisonOperator?
        for op in [ComparisonOperator.notEqual, .lessOrEqual, .greaterOrEqual, .equal, .less, .greater] where scanner.consume(op.rawValue) {
            found = op
            break
        }
        guard let op = found else {
            throw fail("\(next) where a comparison belongs", expected: "one of = != < <= > >= between two values")
        }
        return .compare(op, left, try sum())
    }

    /// Whether an arithmetic or comparison operator comes next.
    private mutating func startsOperator() -> Bool {
        skipSpaces()
        guard let scalar = scanner.peek(0) else { return false }
        return "+-*/<>=!".unicodeScalars.contains(scalar)
    }

    /// `word` as a whole word, consumed.
    private mutating func keyword(_ word: String) -> Bool {
        skipSpaces()
        let start = scanner.index
        guard scanner.consume(word) else { return false }
        if let after = scanner.peek(0), Self.isNameCharacter(after) {
            scanner.index = start
            return false
        }
        return true
    }

    // MARK: Arithmetic

    private mutating func sum() throws(Diagnostic) -> ComputedExpression {
        try chain([.plus, .minus]) { (parser) throws(Diagnostic) in try parser.product() }
    }

    private mutating func product() throws(Diagnostic) -> ComputedExpression {
        try chain([.times, .divide]) { (parser) throws(Diagnostic) in try parser.unary() }
    }

    /// Operands joined by any of `operators`, grouped from the left: `a - b + c` is `(a - b) + c`.
    private mutating func chain(
        _ operators: [ArithmeticOperator], operand: (inout ComputedExpressionParser) throws(Diagnostic) -> ComputedExpression
    ) throws(Diagnostic) -> ComputedExpression {
        var expression = try operand(&self)
        while true {
            skipSpaces()
            let at = scanner.location
            var found: ArithmeticOperator?
            for op in operators where scanner.consume(op.rawValue) {
                found = op
                break
            }
            guard let op = found else { return expression }
            expression = .binary(op, expression, try operand(&self), at: at)
        }
    }

    private mutating func unary() throws(Diagnostic) -> ComputedExpression {
        skipSpaces()
        if scanner.consume("-") { return .negate(try unary()) }
        return try primary()
    }

    private mutating func primary() throws(Diagnostic) -> ComputedExpression {
        skipSpaces()
        guard let first = scanner.peek(0) else {
            throw fail("nothing where a value belongs", expected: Self.valueKinds)
        }
        if scanner.consume("(") {
            let inner = try sum()
            skipSpaces()
            guard scanner.consume(")") else { throw fail("\(next) where ')' belongs", expected: "')' to close '('") }
            return inner
        }
        if Self.isDigit(first) { return .number(number()) }
        let start = scanner.index
        guard let name = try name() else { throw fail("\(next) where a value belongs", expected: Self.valueKinds) }
        if let aggregate = Aggregate(rawValue: name) {
            skipSpaces()
            if scanner.consume("(") {
                skipSpaces()
                let reference = try reference(optionalColumn: aggregate == .count)
                skipSpaces()
                guard scanner.consume(")") else {
                    throw fail("\(next) where ')' belongs", expected: "')' to close \(aggregate.rawValue)(")
                }
                return .aggregate(aggregate, reference)
            }
        }
        scanner.index = start
        let cell = try reference(optionalColumn: false)
        guard !cell.selectors.isEmpty else { throw Diagnostic(at: cell.location, BlockIssue.selectorNeeded(cell.written)) }
        return .cell(cell)
    }

    private static let valueKinds =
        "a number, a reference such as dataset.column[year=2024], an aggregate such as sum(dataset.column), or '('"

    /// `dataset.column[selectors]`; with `optionalColumn`, `dataset[selectors]` too.
    private mutating func reference(optionalColumn: Bool) throws(Diagnostic) -> CellReference {
        let start = scanner.index
        let location = scanner.location
        guard let dataset = try name() else { throw fail("\(next) where a dataset name belongs", expected: "a dataset name") }
        var column: String?
        if scanner.peek(0) == ".", scanner.peek(1) != "." {
            scanner.index += 1
            guard let name = try name() else { throw fail("\(next) where a column name belongs", expected: "a column name after '.'") }
            column = name
            if scanner.peek(0) == ".", scanner.peek(1) == "." {
                throw Diagnostic(at: scanner.location, BlockIssue.rangeInArithmetic)
            }
        } else if !optionalColumn {
            throw fail("\(next) after the dataset name '\(dataset)'", expected: "'.COLUMN'")
        }
        let (selectors, valueLocations) = try scanner.selectors()
        let written = String(String.UnicodeScalarView(scanner.scalars[start..<scanner.index]))
        return CellReference(
            dataset: dataset, column: column, selectors: selectors, valueLocations: valueLocations, location: location, written: written)
    }

    /// A name, `[A-Za-z_][A-Za-z0-9_]*` or quoted (`"capex-2025"`); nil when none starts here.
    private mutating func name() throws(Diagnostic) -> String? {
        let quote = scanner.location
        if scanner.consume("\"") {
            let name = try scanner.quotedValue(openedAt: quote)
            guard !name.isEmpty else {
                throw Diagnostic(
                    at: quote,
                    BlockIssue.expressionSyntax(context: context, problem: "an empty quoted name", expected: "a name between the quotes"))
            }
            return name
        }
        guard let first = scanner.peek(0), Self.isNameCharacter(first), !Self.isDigit(first) else { return nil }
        return scanner.take(while: Self.isNameCharacter)
    }

    /// Digits, then optionally `.` and digits.
    private mutating func number() -> String {
        var text = scanner.take(while: Self.isDigit)
        if scanner.peek(0) == ".", let after = scanner.peek(1), Self.isDigit(after) {
            scanner.index += 1
            text += "." + scanner.take(while: Self.isDigit)
        }
        return text
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_"
    }
}
