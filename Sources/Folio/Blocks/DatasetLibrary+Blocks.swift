import FolioCore
import FolioData

extension DatasetLibrary {
    /// The dataset a block or inline value names, or an error listing the datasets there are.
    func dataset(_ name: String, at location: SourceLocation) throws(Diagnostic) -> Dataset {
        guard let dataset = self[name] else { throw Diagnostic(at: location, BlockIssue.unknownDataset(name, known: names)) }
        return dataset
    }
}

extension Dataset {
    /// The index of a column a block names, or an error listing the dataset's columns.
    func columnIndex(_ reference: ColumnReference) throws(Diagnostic) -> Int {
        guard let index = columnIndex(named: reference.name) else {
            throw Diagnostic(at: reference.location, BlockIssue.unknownColumn(reference.name, dataset: name, known: columns.map(\.name)))
        }
        return index
    }

    /// A value column: it must exist and be numeric.
    func numericColumnIndex(_ reference: ColumnReference) throws(Diagnostic) -> Int {
        let index = try columnIndex(reference)
        guard columns[index].isNumeric || rows.allSatisfy({ $0.cells[index].isMissing }) else {
            throw notNumeric(column: index, at: reference.location)
        }
        return index
    }

    /// Why the column at `index` cannot be used as numbers: when most of it is numbers, the first
    /// cell that is not one, with its place in the data file (`'1,000' at x.csv:3`).
    func notNumeric(column index: Int, at location: SourceLocation) -> Diagnostic {
        let filled = rows.filter { !$0.cells[index].isMissing }
        let numbers = filled.filter { NumberText.matches($0.cells[index].text) }.count
        guard numbers * 2 >= filled.count, let bad = filled.first(where: { !NumberText.matches($0.cells[index].text) }) else {
            return Diagnostic(at: location, BlockIssue.textColumn(columns[index].name, dataset: name))
        }
        return Diagnostic(
            at: location,
            BlockIssue.textCellInNumbers(
                column: columns[index].name, dataset: name, value: bad.cells[index].text, place: "\(bad.location.path):\(bad.location.line)"
            ))
    }

    /// The rows for which every condition holds: each is `column = value` under `CellComparison`.
    /// `candidates`: rows of this dataset, in its order, that include every row the conditions can
    /// match (`RowBindings.candidates`); nil looks at every row.
    func rows(where conditions: [RowCondition], among candidates: [DatasetRow]? = nil) throws(Diagnostic) -> [DatasetRow] {
        var checks: [CellComparison] = []
        for condition in conditions {
            let index = try columnIndex(condition.column)
            checks.append(try CellComparison(column: index, of: self, .equal, condition.value, at: condition.valueLocation))
        }
        return (candidates ?? rows).filter { row in checks.allSatisfy { $0.holds(for: row) } }
    }

    /// The rows for which every condition holds; none is an error at the first condition (or at
    /// the block's fence when there is no `where`).
    func rows(
        where conditions: [RowCondition], block: SourceLocation, among candidates: [DatasetRow]? = nil
    ) throws(Diagnostic) -> [DatasetRow] {
        let found = try rows(where: conditions, among: candidates)
        guard !found.isEmpty else { throw Diagnostic(at: conditions.first?.column.location ?? block, BlockIssue.emptyDataset(name)) }
        return found
    }
}

extension Dataset {
    /// The comparisons a reference's selectors make on this dataset, and whether `[last]` is
    /// among them; an unknown column is an error at `location`, a bad value at its own place.
    func comparisons(
        _ selectors: [InlineValueExpression.Selector], valueLocations: [SourceLocation], at location: SourceLocation
    ) throws(Diagnostic) -> (comparisons: [CellComparison], last: Bool) {
        var comparisons: [CellComparison] = []
        var last = false
        for (selector, valueLocation) in zip(selectors, valueLocations) {
            switch selector {
            case .last:
                last = true
            case .compare(let column, let op, let value):
                let index = try columnIndex(ColumnReference(name: column, location: location))
                comparisons.append(try CellComparison(column: index, of: self, op, value, at: valueLocation))
            }
        }
        return (comparisons, last)
    }
}

extension Dataset {
    /// The rows every comparison holds for, in order; with `last`, only the last of them.
    /// `candidates`, as for `rows(where:)`.
    func rows(matching comparisons: [CellComparison], last: Bool, among candidates: [DatasetRow]? = nil) -> [DatasetRow] {
        let rows = (candidates ?? self.rows).filter { row in comparisons.allSatisfy { $0.holds(for: row) } }
        return last ? Array(rows.suffix(1)) : rows
    }
}

/// Where a cell falls against the value it is compared with.
enum CellOrder {
    case before
    case same
    case after
}

/// The one rule by which selectors and `where:` compare a column's cells with a value (SPEC §5).
/// A numeric column compares as numbers, and the value must then be a number (`2024.0` equals
/// `2024`). A text column compares by Unicode code point (UTF-8 byte order is code-point order):
/// no locale and no canonical equivalence, so `Z` < `a`, `é` > `z`, and a precomposed `é` is not
/// `e` + U+0301. Quoting a value only delimits it: `"2024"` is still a number. A missing cell never
/// matches any comparison, `!=` included, so `[segment!=cloud]` never picks a row without a segment.
struct CellComparison {
    private enum Wanted {
        /// The value and its text, which is SPEC §3's number syntax and so also an SQL literal.
        case number(Double, written: String)
        case text(String)
    }

    private let index: Int
    /// The column's name, for the comparison in SQL.
    private let column: String
    private let op: ComparisonOperator
    private let wanted: Wanted

    /// A comparison on the column at `index`; a value that is not a number, for a column that holds
    /// numbers, is an error at `location`. A column with no value in any row holds no numbers: it
    /// compares as text and matches nothing.
    init(
        column index: Int, of dataset: Dataset, _ op: ComparisonOperator, _ value: String, at location: SourceLocation
    ) throws(Diagnostic) {
        self.index = index
        self.column = dataset.columns[index].name
        self.op = op
        let numeric = dataset.columns[index].isNumeric && dataset.rows.contains { $0.cells[index].number != nil }
        if numeric {
            guard let number = NumberText.value(value) else {
                throw Diagnostic(
                    at: location, BlockIssue.notANumberValue(value, column: dataset.columns[index].name, dataset: dataset.name))
            }
            wanted = .number(number, written: value)
        } else {
            wanted = .text(value)
        }
    }

    func holds(for row: DatasetRow) -> Bool {
        let cell = row.cells[index]
        guard !cell.isMissing else { return false }
        switch wanted {
        case .number(let number, _):
            guard let have = cell.number else { return false }
            return op.accepts(have < number ? .before : have > number ? .after : .same)
        case .text(let text):
            return op.accepts(Self.order(cell.text, text))
        }
    }

    /// The same comparison as an SQLite condition on the dataset's table:
    /// numbers as numbers, text by SQLite's BINARY collation (UTF-8 bytes, so code points), and a
    /// NULL cell matches nothing, as `NULL != x` is not true.
    var sql: String {
        let value =
            switch wanted {
            case .number(_, let written): written
            case .text(let text): SQLSyntax.literal(text)
            }
        return "\(SQLSyntax.quoted(column)) \(op.rawValue) \(value)"
    }

    /// Code-point order, compared on UTF-8 bytes.
    static func order(_ cell: String, _ value: String) -> CellOrder {
        if cell.utf8.elementsEqual(value.utf8) { return .same }
        return cell.utf8.lexicographicallyPrecedes(value.utf8) ? .before : .after
    }
}
