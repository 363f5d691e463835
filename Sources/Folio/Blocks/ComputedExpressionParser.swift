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
        parser.skipSpaces()
        let start = parser.scanner.location
        let expression = try parser.number(try parser.sum(), at: start)
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
        let condition = try parser.test(try parser.disjunction(), at: start)
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

    // MARK: One grammar for tests and arithmetic, read without backtracking

    /// What a part of the text reads as: a number, or a test (inside parentheses either may stand).
    private enum Parsed {
        case value(ComputedExpression)
        case test(ClaimCondition)
    }

    /// The most operators and parentheses one expression may hold: enough for any sentence, and
    /// few enough that reading, checking and printing it stay shallow.
    static let operationLimit = 256
    static let depthLimit = 32

    private var operations = 0
    private var depth = 0

    /// Counts one more operator; past the limit the expression is refused.
    private mutating func count(at location: SourceLocation) throws(Diagnostic) {
        operations += 1
        guard operations <= Self.operationLimit else {
            throw Diagnostic(at: location, BlockIssue.expressionTooLarge(limit: Self.operationLimit))
        }
    }

    /// Runs `body` one level deeper; past the limit the expression is refused.
    private mutating func nested<T>(
        at location: SourceLocation, _ body: (inout ComputedExpressionParser) throws(Diagnostic) -> T
    ) throws(Diagnostic) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.depthLimit else { throw Diagnostic(at: location, BlockIssue.expressionTooDeep(limit: Self.depthLimit)) }
        return try body(&self)
    }

    private func number(_ parsed: Parsed, at location: SourceLocation) throws(Diagnostic) -> ComputedExpression {
        guard case .value(let expression) = parsed else {
            throw Diagnostic(
                at: location,
                BlockIssue.expressionSyntax(context: context, problem: "a test where a number belongs", expected: "a number or a reference")
            )
        }
        return expression
    }

    private func test(_ parsed: Parsed, at location: SourceLocation) throws(Diagnostic) -> ClaimCondition {
        guard case .test(let condition) = parsed else {
            throw Diagnostic(
                at: location,
                BlockIssue.expressionSyntax(
                    context: context, problem: "a number where a test belongs", expected: "a comparison (= != < <= > >=) between two values"
                ))
        }
        return condition
    }

    private mutating func disjunction() throws(Diagnostic) -> Parsed {
        try joined(by: "or", ClaimCondition.or) { (parser) throws(Diagnostic) in try parser.conjunction() }
    }

    private mutating func conjunction() throws(Diagnostic) -> Parsed {
        try joined(by: "and", ClaimCondition.and) { (parser) throws(Diagnostic) in try parser.negation() }
    }

    /// Tests joined by the keyword `word`, grouped from the left.
    private mutating func joined(
        by word: String, _ join: (ClaimCondition, ClaimCondition) -> ClaimCondition,
        operand: (inout ComputedExpressionParser) throws(Diagnostic) -> Parsed
    ) throws(Diagnostic) -> Parsed {
        skipSpaces()
        let start = scanner.location
        var parsed = try operand(&self)
        while keyword(word) {
            let at = scanner.location
            try count(at: at)
            parsed = .test(join(try test(parsed, at: start), try test(try operand(&self), at: at)))
        }
        return parsed
    }

    private mutating func negation() throws(Diagnostic) -> Parsed {
        guard keyword("not") else { return try comparison() }
        skipSpaces()
        let at = scanner.location
        try count(at: at)
        let inner = try nested(at: at) { (parser) throws(Diagnostic) in try parser.negation() }
        return .test(.not(try test(inner, at: at)))
    }

    private mutating func comparison() throws(Diagnostic) -> Parsed {
        skipSpaces()
        let start = scanner.location
        let left = try sum()
        skipSpaces()
        let at = scanner.location
        guard let op = scanner.takeOperator() else { return left }
        try count(at: at)
        skipSpaces()
        let rightStart = scanner.location
        let right = try sum()
        return .test(.compare(op, try number(left, at: start), try number(right, at: rightStart)))
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

    private mutating func sum() throws(Diagnostic) -> Parsed {
        try chain([.plus, .minus]) { (parser) throws(Diagnostic) in try parser.product() }
    }

    private mutating func product() throws(Diagnostic) -> Parsed {
        try chain([.times, .divide]) { (parser) throws(Diagnostic) in try parser.unary() }
    }

    /// Operands joined by any of `operators`, grouped from the left: `a - b + c` is `(a - b) + c`.
    private mutating func chain(
        _ operators: [ArithmeticOperator], operand: (inout ComputedExpressionParser) throws(Diagnostic) -> Parsed
    ) throws(Diagnostic) -> Parsed {
        skipSpaces()
        let start = scanner.location
        var parsed = try operand(&self)
        while true {
            skipSpaces()
            let at = scanner.location
            guard let op = scanner.take(firstOf: operators) else { return parsed }
            try count(at: at)
            skipSpaces()
            let rightStart = scanner.location
            let left = try number(parsed, at: start)
            parsed = .value(.binary(op, left, try number(try operand(&self), at: rightStart), at: at))
        }
    }

    private mutating func unary() throws(Diagnostic) -> Parsed {
        skipSpaces()
        let at = scanner.location
        guard scanner.consume("-") else { return try primary() }
        try count(at: at)
        let inner = try nested(at: at) { (parser) throws(Diagnostic) in try parser.unary() }
        return .value(.negate(try number(inner, at: at)))
    }

    private mutating func primary() throws(Diagnostic) -> Parsed {
        skipSpaces()
        guard let first = scanner.peek(0) else {
            throw fail("nothing where a value belongs", expected: Self.valueKinds)
        }
        let open = scanner.location
        if scanner.consume("(") {
            let inner = try nested(at: open) { (parser) throws(Diagnostic) in try parser.disjunction() }
            skipSpaces()
            guard scanner.consume(")") else { throw fail("\(next) where ')' belongs", expected: "')' to close '('") }
            return inner
        }
        if Self.isDigit(first) { return .value(.number(number())) }
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
                return .value(.aggregate(aggregate, reference))
            }
        }
        scanner.index = start
        let cell = try reference(optionalColumn: false)
        guard !cell.selectors.isEmpty else { throw Diagnostic(at: cell.location, BlockIssue.selectorNeeded(cell.written)) }
        return .value(.cell(cell))
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
