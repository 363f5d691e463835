import FolioCore
import FolioData

/// Compiles computed values and claims to one SQLite query each, run on the build's one engine,
/// so a figure in prose and the same figure in a chart come from the same arithmetic. Every name
/// and selector is checked against the datasets first, so a mistake is reported where the author
/// wrote it, never as SQL.
struct ComputedQuery {
    /// A reference or aggregate the query reads, with its SQL.
    struct Leaf {
        var reference: CellReference
        /// Nil for one cell.
        var aggregate: Aggregate?
        /// The rows its selectors pick.
        var rows: String
        /// Its value over those rows.
        var value: String
        /// The same selection in Swift, for the sources of the rows it reads.
        var comparisons: [CellComparison]
        var last: Bool

        /// As written, for messages and the change report: `sum(q.ebitda[year=2025])`.
        var written: String { aggregate.map { "\($0.rawValue)(\(reference.written))" } ?? reference.written }
    }

    /// The values a finished query gives, in the order they were asked for.
    struct Outcome {
        /// Each leaf's value, in order.
        var leaves: [DatasetCell]
        /// Each output asked for (`output(_:)`), in order.
        var outputs: [DatasetCell]
        /// The datasets the query read.
        var reads: [String]
    }

    let datasets: DatasetLibrary
    /// Where errors without a place of their own point: the span, or the claim's block.
    let location: SourceLocation
    private(set) var leaves: [Leaf] = []
    private var divisors: [(sql: String, at: SourceLocation)] = []
    private var outputs: [String] = []

    init(datasets: DatasetLibrary, at location: SourceLocation) {
        self.datasets = datasets
        self.location = location
    }

    /// The SQL of `expression`; its references become leaves of the query.
    mutating func sql(_ expression: ComputedExpression) throws(Diagnostic) -> String {
        switch expression {
        case .number(let text):
            return text
        case .cell(let reference):
            return try leaf(reference, aggregate: nil)
        case .aggregate(let aggregate, let reference):
            return try leaf(reference, aggregate: aggregate)
        case .negate(let inner):
            return "(- \(try sql(inner)))"
        case .binary(let op, let left, let right, let at):
            let (a, b) = (try sql(left), try sql(right))
            guard op == .divide else { return "(\(a) \(op.rawValue) \(b))" }
            divisors.append((b, at))
            // Real division: `8000 / 1900` is 4.21, never 4.
            return "(CAST(\(a) AS REAL) / \(b))"
        }
    }

    /// Asks the query for the value of `sql` (made by `sql(_:)`).
    mutating func output(_ sql: String) {
        outputs.append(sql)
    }

    /// The sources per row of the rows the leaves read, in order of first use (SPEC §3: an
    /// aggregate cites the rows it read). The rows are picked by the same comparisons as in SQL.
    func citedSources() -> [Source] {
        var sources: [Source] = []
        for leaf in leaves {
            guard let dataset = datasets[leaf.reference.dataset], let column = leaf.reference.column,
                let cited = datasets.citedSources(
                    of: dataset, rows: dataset.rows(matching: leaf.comparisons, last: leaf.last), columns: [column])
            else { continue }
            for source in cited where !sources.contains(source) { sources.append(source) }
        }
        return sources
    }

    /// Runs the query, then checks each leaf read what it must: one cell exactly, or rows with no
    /// missing cell; and that no division is by zero.
    func run(on queries: (any DatasetQuerying)?) throws(Diagnostic) -> Outcome {
        guard let queries else { throw Diagnostic(at: location, BlockIssue.noQueries) }
        let result: (dataset: Dataset, reads: [String])
        do {
            result = try queries.dataset(forQuery: statement, at: location)
        } catch {
            let message = error.all.first?.message ?? "the query failed"
            throw Diagnostic(at: location, BlockIssue.computeFailed(message))
        }
        guard let row = result.dataset.rows.first?.cells else { throw Diagnostic(at: location, BlockIssue.computeFailed("no result")) }
        var values: [DatasetCell] = []
        var column = 0
        for leaf in leaves {
            let (count, filled) = (Int(row[column].number ?? 0), Int(row[column + 1].number ?? 0))
            try check(leaf, rows: count, filled: filled)
            values.append(row[column + 2])
            column += 3
        }
        for divisor in divisors {
            if row[column].number == 0 { throw Diagnostic(at: divisor.at, BlockIssue.divisionByZero) }
            column += 1
        }
        return Outcome(leaves: values, outputs: Array(row[column...]), reads: result.reads)
    }

    /// `WITH leaves AS (SELECT counts and values) SELECT them, the divisors and the outputs FROM leaves`.
    private var statement: String {
        var inner: [String] = []
        var outer: [String] = []
        for (index, leaf) in leaves.enumerated() {
            let counted = leaf.reference.column.map { "count(\(SQLSyntax.quoted($0)))" } ?? "count(*)"
            inner += [
                "(SELECT count(*) FROM (\(leaf.rows))) AS n\(index)", "(SELECT \(counted) FROM (\(leaf.rows))) AS c\(index)",
                "(\(leaf.value)) AS v\(index)",
            ]
            outer += ["n\(index)", "c\(index)", "v\(index)"]
        }
        outer += divisors.enumerated().map { "\($1.sql) AS d\($0)" }
        outer += outputs.enumerated().map { "\($1) AS o\($0)" }
        return
            "WITH leaves AS (SELECT \(inner.isEmpty ? "1 AS one" : inner.joined(separator: ", "))) SELECT \(outer.joined(separator: ", ")) FROM leaves"
    }

    private func check(_ leaf: Leaf, rows: Int, filled: Int) throws(Diagnostic) {
        let reference = leaf.reference
        let selector = InlineValueExpression.text(of: reference.selectors)
        guard let aggregate = leaf.aggregate else {
            if rows == 0 {
                throw Diagnostic(at: reference.location, BlockIssue.noRowMatches(selector: selector, dataset: reference.dataset))
            }
            if rows > 1 {
                throw Diagnostic(
                    at: reference.location, BlockIssue.severalRowsMatch(selector: selector, dataset: reference.dataset, count: rows))
            }
            if filled == 0 {
                throw Diagnostic(at: reference.location, BlockIssue.emptyCell(column: reference.column ?? "", selector: selector))
            }
            return
        }
        if rows == 0 && aggregate != .count { throw Diagnostic(at: reference.location, BlockIssue.noRowsToAggregate(leaf.written)) }
        if filled < rows, let column = reference.column {
            throw Diagnostic(
                at: reference.location, BlockIssue.missingCellInAggregate(leaf.written, column: column, missing: rows - filled, rows: rows))
        }
    }

    /// Checks `reference` against its dataset and adds it as a leaf; its SQL is `vN`.
    private mutating func leaf(_ reference: CellReference, aggregate: Aggregate?) throws(Diagnostic) -> String {
        let dataset = try datasets.dataset(reference.dataset, at: reference.location)
        let (comparisons, last) = try dataset.comparisons(
            reference.selectors, valueLocations: reference.valueLocations, at: reference.location)
        let conditions = comparisons.map(\.sql)
        let table = SQLSyntax.quoted(dataset.name)
        var rows = "SELECT * FROM \(table)" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
        // `[last]` applies after the other selectors: the last of the rows they match, in the dataset's order.
        if last { rows += " ORDER BY rowid DESC LIMIT 1" }
        let value: String
        if let column = reference.column {
            let index = try dataset.columnIndex(ColumnReference(name: column, location: reference.location))
            if ![.count, .min, .max].contains(aggregate), !dataset.columns[index].isNumeric {
                throw dataset.notNumeric(column: index, at: reference.location)
            }
            let quoted = SQLSyntax.quoted(column)
            switch aggregate {
            case nil: value = "SELECT \(quoted) FROM (\(rows)) LIMIT 1"
            case .sum: value = "SELECT sum(\(quoted)) FROM (\(rows))"
            case .mean: value = "SELECT avg(\(quoted)) FROM (\(rows))"
            case .min: value = "SELECT min(\(quoted)) FROM (\(rows))"
            case .max: value = "SELECT max(\(quoted)) FROM (\(rows))"
            case .count: value = "SELECT count(*) FROM (\(rows))"
            }
        } else {
            value = "SELECT count(*) FROM (\(rows))"
        }
        leaves.append(Leaf(reference: reference, aggregate: aggregate, rows: rows, value: value, comparisons: comparisons, last: last))
        return "v\(leaves.count - 1)"
    }
}
