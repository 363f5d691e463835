import FolioCore
import FolioData
import FolioFormat

/// Checks a `claim` block against the data on the build's SQL engine (SPEC §5b). A claim that
/// does not hold is an error at its block giving the values on each side.
enum ClaimCheck {
    static func check(
        _ request: ClaimRequest, datasets: DatasetLibrary, queries: (any DatasetQuerying)?
    ) throws(Diagnostic) -> (record: BlockRecord, reads: [String]) {
        switch request.test {
        case .holds(let condition):
            return try check(request, condition, datasets: datasets, queries: queries)
        case .query(let sql, let at):
            return try check(request, sql: sql, at: at, queries: queries)
        }
    }

    private static func check(
        _ request: ClaimRequest, _ condition: ClaimCondition, datasets: DatasetLibrary, queries: (any DatasetQuerying)?
    ) throws(Diagnostic) -> (record: BlockRecord, reads: [String]) {
        var query = ComputedQuery(datasets: datasets, at: request.location)
        var sides: [String] = []
        let test = try compile(condition, into: &query, sides: &sides)
        guard !query.leaves.isEmpty else { throw Diagnostic(at: request.location, BlockIssue.claimReadsNoData(text: request.text)) }
        query.output(test)
        for side in sides { query.output(side) }
        let outcome = try query.run(on: queries)
        let operands = zip(query.leaves, outcome.leaves).map { [$0.written, DecimalText.groupedWritten($1.text)] }
        let record = BlockRecord(
            id: request.text, kind: .claim, title: request.text, dataset: nil, cells: operands, line: request.location.line)
        guard let holds = outcome.outputs.first?.number else {
            throw Diagnostic(at: request.location, BlockIssue.computeFailed("the test gave no answer"))
        }
        if holds == 0 {
            var printer = ClaimText(leaves: outcome.leaves.map(\.text), sides: outcome.outputs.dropFirst().map(\.text))
            throw Diagnostic(at: request.location, BlockIssue.claimFails(text: request.text, shown: printer.text(condition) + " is false"))
        }
        return (record, outcome.reads)
    }

    private static func check(
        _ request: ClaimRequest, sql: String, at location: SourceLocation, queries: (any DatasetQuerying)?
    ) throws(Diagnostic) -> (record: BlockRecord, reads: [String]) {
        guard let queries else { throw Diagnostic(at: location, BlockIssue.noQueries) }
        let result: (dataset: Dataset, reads: [String])
        do {
            result = try queries.dataset(forQuery: sql, at: location)
        } catch {
            throw error.all.first ?? Diagnostic(at: location, BlockIssue.computeFailed("the query failed"))
        }
        guard result.dataset.rows.count == 1, result.dataset.columns.count == 1, let cell = result.dataset.rows.first?.cells.first else {
            throw Diagnostic(
                at: location, BlockIssue.claimQueryShape(rows: result.dataset.rows.count, columns: result.dataset.columns.count))
        }
        guard !result.reads.isEmpty else { throw Diagnostic(at: request.location, BlockIssue.claimReadsNoData(text: request.text)) }
        guard cell.number == 1 || cell.number == 0 else { throw Diagnostic(at: location, BlockIssue.claimQueryValue(cell.text)) }
        if cell.number == 0 {
            throw Diagnostic(at: request.location, BlockIssue.claimFails(text: request.text, shown: "its query returned 0"))
        }
        let record = BlockRecord(
            id: request.text, kind: .claim, title: request.text, dataset: nil, cells: [["sql", cell.text]], line: request.location.line)
        return (record, result.reads)
    }

    /// The test's SQL; each comparison's two sides are added to `sides`, left to right.
    private static func compile(
        _ condition: ClaimCondition, into query: inout ComputedQuery, sides: inout [String]
    ) throws(Diagnostic) -> String {
        switch condition {
        case .compare(let op, let left, let right):
            _ = try ComputedValue.number(left, datasets: query.datasets)
            _ = try ComputedValue.number(right, datasets: query.datasets)
            let (a, b) = (try query.sql(left), try query.sql(right))
            sides += [a, b]
            return "(\(a) \(op.rawValue) \(b))"
        case .and(let a, let b):
            return "(\(try compile(a, into: &query, sides: &sides)) AND \(try compile(b, into: &query, sides: &sides)))"
        case .or(let a, let b): return "(\(try compile(a, into: &query, sides: &sides)) OR \(try compile(b, into: &query, sides: &sides)))"
        case .not(let inner): return "(NOT \(try compile(inner, into: &query, sides: &sides)))"
        }
    }
}

/// A claim's test with every reference replaced by its value, for the message when it fails:
/// `11,100 ≥ 2.5 × 7,930 (= 19,825)`. A side that is computed shows its result after it.
struct ClaimText {
    /// Each leaf's value, in the order the test reads them.
    private var leaves: IndexingIterator<[String]>
    /// Each comparison's two sides' values, in order.
    private var sides: IndexingIterator<[String]>

    init(leaves: [String], sides: [String]) {
        self.leaves = leaves.makeIterator()
        self.sides = sides.makeIterator()
    }

    mutating func text(_ condition: ClaimCondition, within outer: Int = 0) -> String {
        let precedence: Int
        let text: String
        switch condition {
        case .or(let a, let b):
            precedence = 1
            text = self.text(a, within: 1) + " or " + self.text(b, within: 2)
        case .and(let a, let b):
            precedence = 2
            text = self.text(a, within: 2) + " and " + self.text(b, within: 3)
        case .not(let inner):
            precedence = 3
            text = "not " + self.text(inner, within: 5)
        case .compare(let op, let left, let right):
            precedence = 4
            text = side(left) + " \(op.shown) " + side(right)
        }
        return precedence < outer ? "(\(text))" : text
    }

    private mutating func side(_ expression: ComputedExpression) -> String {
        let value = sides.next() ?? ""
        let text = self.text(expression)
        switch expression {
        case .binary, .negate: return text + " (= \(DecimalText.groupedWritten(value)))"
        default: return text
        }
    }

    private mutating func text(_ expression: ComputedExpression, within outer: Int = 0) -> String {
        let precedence: Int
        let text: String
        switch expression {
        case .number(let written):
            return DecimalText.groupedWritten(written)
        case .cell, .aggregate:
            return DecimalText.groupedWritten(leaves.next() ?? "")
        case .negate(let inner):
            precedence = 3
            text = "\u{2212}" + self.text(inner, within: 3)
        case .binary(let op, let left, let right, _):
            precedence = op == .plus || op == .minus ? 1 : 2
            text = self.text(left, within: precedence) + " \(op.shown) " + self.text(right, within: precedence + 1)
        }
        return precedence < outer ? "(\(text))" : text
    }
}
