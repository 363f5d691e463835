import FolioCore
import FolioFormat

/// The cells an expression reads: `dataset.column[selectors]`, or `dataset[selectors]` inside `count`.
public struct CellReference: Equatable, Sendable {
    public var dataset: String
    /// Nil only inside `count(…)`, which counts rows.
    public var column: String?
    public var selectors: [InlineValueExpression.Selector]
    /// Where each selector's value starts, for errors about the value.
    public var valueLocations: [SourceLocation]
    /// Where the reference starts in the article.
    public var location: SourceLocation
    /// As written, for messages and the change report.
    public var written: String
}

/// An aggregate over the rows a reference's selectors match.
public enum Aggregate: String, CaseIterable, Equatable, Sendable {
    case sum, mean, min, max, count
}

public enum ArithmeticOperator: String, Equatable, Sendable {
    case plus = "+"
    case minus = "-"
    case times = "*"
    case divide = "/"

    /// How the operator reads in a message: a true minus, `×` and `÷`.
    var shown: String {
        switch self {
        case .plus: "+"
        case .minus: "\u{2212}"
        case .times: "\u{00D7}"
        case .divide: "\u{00F7}"
        }
    }
}

/// Arithmetic over numbers, one-row references and aggregates (SPEC §5).
public indirect enum ComputedExpression: Equatable, Sendable {
    /// A number as written (`2.5`).
    case number(String)
    /// One cell: its selectors must match exactly one row.
    case cell(CellReference)
    case aggregate(Aggregate, CellReference)
    case negate(ComputedExpression)
    /// `location` is the operator's, so a division by zero points at its `/`.
    case binary(ArithmeticOperator, ComputedExpression, ComputedExpression, at: SourceLocation)
}

/// A claim's test (SPEC §5b): comparisons of expressions joined by `and`, `or`, `not`.
public indirect enum ClaimCondition: Equatable, Sendable {
    case compare(ComparisonOperator, ComputedExpression, ComputedExpression)
    case and(ClaimCondition, ClaimCondition)
    case or(ClaimCondition, ClaimCondition)
    case not(ClaimCondition)
}

/// A computed inline value: the expression and its `|FORMAT`, if any.
public struct ComputedValueExpression: Equatable, Sendable {
    public var expression: ComputedExpression
    public var format: NumberFormat?
}

extension ComparisonOperator {
    /// How the operator reads in a message: `≥`, `≤`, `≠`.
    var shown: String {
        switch self {
        case .equal: "="
        case .notEqual: "\u{2260}"
        case .less: "<"
        case .lessOrEqual: "\u{2264}"
        case .greater: ">"
        case .greaterOrEqual: "\u{2265}"
        }
    }
}

extension ComputedExpression {
    /// The references and aggregates the expression reads, left to right.
    var leaves: [ComputedExpression] {
        switch self {
        case .number: []
        case .cell, .aggregate: [self]
        case .negate(let inner): inner.leaves
        case .binary(_, let left, let right, _): left.leaves + right.leaves
        }
    }

    /// Every division's divisor, left to right, with the location of its `/`.
    var divisors: [(ComputedExpression, SourceLocation)] {
        switch self {
        case .number, .cell, .aggregate: []
        case .negate(let inner): inner.divisors
        case .binary(let op, let left, let right, let at):
            left.divisors + right.divisors + (op == .divide ? [(right, at)] : [])
        }
    }
}

extension ClaimCondition {
    /// Every comparison, left to right.
    var comparisons: [(ComparisonOperator, ComputedExpression, ComputedExpression)] {
        switch self {
        case .compare(let op, let left, let right): [(op, left, right)]
        case .and(let a, let b), .or(let a, let b): a.comparisons + b.comparisons
        case .not(let inner): inner.comparisons
        }
    }
}
