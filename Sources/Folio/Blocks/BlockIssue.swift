import FolioCore
import FolioFormat

/// Everything the Blocks stage can say is wrong with a chart or table block or an inline value,
/// beyond what `YAMLFields` (`YAMLIssue`) says about a block's keys.
public enum BlockIssue: DiagnosticReason, Equatable {
    case unknownChartType(String, known: [String])
    case unknownFormat(String)
    case notADatasetName(String)
    case dataAndCSV(block: String)
    case noData(block: String)
    case twoDataSources(block: String, first: String, second: String)
    case noQueries
    case unknownDataset(String, known: [String])
    case unknownColumn(String, dataset: String, known: [String])
    case textColumn(String, dataset: String)
    /// A column of numbers but for one cell (`1,000`), which makes it text: `place` is `file:line`.
    case textCellInNumbers(column: String, dataset: String, value: String, place: String)
    /// `takenBy`: the types that do take `key`.
    case keyNotFor(block: String, key: String, type: String, takenBy: [String])
    case sortOrder(String)
    case inlineSyntax(String)
    /// `[year]`: a column and no operator after it.
    case selectorWithoutOperator(column: String)
    /// `[year>=]`: nothing after the operator.
    case selectorWithoutValue(column: String, op: String)
    case unclosedQuote
    /// `[name="a"b]`: the text between the closing quote and `]`.
    case textAfterQuotedValue(String)
    /// A selector or `where:` value that is not a number, for a numeric column.
    case notANumberValue(String, column: String, dataset: String)
    case noRowMatches(selector: String, dataset: String)
    case severalRowsMatch(selector: String, dataset: String, count: Int)
    case emptyCell(column: String, selector: String)
    case notANumberCell(column: String, value: String)
    case emptyDataset(String)
    /// `context` is `inline value` or `claim`.
    case expressionSyntax(context: String, problem: String, expected: String)
    case rangeInArithmetic
    case expressionTooLarge(limit: Int)
    case expressionTooDeep(limit: Int)
    case selectorNeeded(String)
    case noRowsToAggregate(String)
    case missingCellInAggregate(String, column: String, missing: Int, rows: Int)
    case divisionByZero
    case mixedUnits([String])
    case computeFailed(String)
    case claimFails(text: String, shown: String)
    case claimReadsNoData(text: String)
    case claimNoTest
    case claimQueryShape(rows: Int, columns: Int)
    case claimQueryValue(String)
    case annotationCategory(String, known: [String])
    /// More categories than the type draws legibly: `limit` is `ChartType.categoryLimit(series:)`.
    case tooManyCategories(count: Int, type: String, limit: Int, points: Bool)
    /// More parts than a donut shows: `limit` is `ChartType.categoryLimit(series:)`.
    case tooManyParts(count: Int, type: String, limit: Int)
    /// A part of a whole below zero (`value` formatted like the chart).
    case negativePart(category: String, value: String)
    /// Shares (`percent`, `fraction`) adding up to more than the whole.
    case partsOverWhole(total: String)
    /// More facets than small multiples can compare.
    case tooManyFacets(count: Int, limit: Int)
    /// Two rows of one facet with the same category: one of them would not be drawn.
    case facetRepeatsCategory(facet: String, category: String)
    /// Two of `bar`, `heat` and `spark` on one table column.
    case tableDrawings(first: String, second: String)
    /// A `spark` table column with a `key`.
    case sparkWithKey
    /// More rows than a table shows on a page without `limit:`.
    case tooManyTableRows(count: Int, limit: Int)
    case tableLimitRange(Int, limit: Int)

    public var message: String {
        switch self {
        case .unknownChartType(let type, let known):
            "chart: unknown type '\(type)'; expected one of \(known.joined(separator: ", "))"
        case .unknownFormat(let format):
            "unknown format '\(format)'; expected one of \(NumberFormat.names.joined(separator: ", ")), optionally followed by "
                + "'+' (a sign on positive values) and ':N' (N decimals, \(NumberFormat.decimalRange.lowerBound)–\(NumberFormat.decimalRange.upperBound))"
        case .notADatasetName(let name):
            "'\(name)' is not a dataset name; expected a plain name of a file in Content/data/ (no folders, no extension)"
        case .dataAndCSV(let block): "\(block): both 'data' and 'csv'; expected one of them"
        case .noData(let block): "\(block): no data; expected 'data: NAME', 'csv: |' with rows or 'sql: |' with a query"
        case .twoDataSources(let block, let first, let second): "\(block): both '\(first)' and '\(second)'; expected one of them"
        case .noQueries: "sql: queries are not available here; expected 'data: NAME' or 'csv: |'"
        case .unknownDataset(let name, let known):
            "unknown dataset '\(name)'; expected one of \(known.isEmpty ? "(none in Content/data/)" : known.joined(separator: ", "))"
        case .unknownColumn(let column, let dataset, let known):
            "dataset '\(dataset)' has no column '\(column)'; expected one of \(known.joined(separator: ", "))"
        case .textColumn(let column, let dataset):
            "column '\(column)' of '\(dataset)' holds text; expected a numeric column for values"
        case .textCellInNumbers(let column, let dataset, let value, let place):
            "column '\(column)' of '\(dataset)' is text because '\(value)' (\(place)) is not a number; expected numbers written "
                + "like 1000 or -1.5 (no thousands separators, no units)"
        case .keyNotFor(let block, let key, let type, let takenBy):
            "\(block): '\(key)' does not apply to type '\(type)'; expected it only for "
                + (takenBy.count == 1 ? "type " : "types ") + takenBy.joined(separator: ", ")
        case .sortOrder(let order): "table: sort order '\(order)'; expected asc or desc"
        case .inlineSyntax(let problem):
            "inline value: \(problem); expected `=dataset.column[column=value]|format` or `=dataset.low..high[last]`"
        case .selectorWithoutOperator(let column):
            "inline value: the selector on '\(column)' has no operator; expected one of = != < <= > >= after the column "
                + "(as in [\(column)=VALUE]), or [last]"
        case .selectorWithoutValue(let column, let op):
            "inline value: no value after '\(column)\(op)'; expected a number or text (\"\" for empty text)"
        case .unclosedQuote:
            "inline value: a quoted value without its closing '\"'; expected '\"' after the value (a quote inside is written \"\")"
        case .textAfterQuotedValue(let text):
            "inline value: unexpected text '\(text)' after the quoted value; expected ']'"
        case .notANumberValue(let value, let column, let dataset):
            "column '\(column)' of '\(dataset)' is numeric and '\(value)' is not a number; expected a number such as 2024 or -1.5"
        case .noRowMatches(let selector, let dataset): "no row of '\(dataset)' matches \(selector); expected exactly one"
        case .severalRowsMatch(let selector, let dataset, let count):
            "\(count) rows of '\(dataset)' match \(selector); expected exactly one (add a selector)"
        case .emptyCell(let column, let selector): "the cell '\(column)' at \(selector) is empty; expected a value"
        case .notANumberCell(let column, let value): "the cell '\(column)' holds '\(value)'; expected a number"
        case .emptyDataset(let name): "dataset '\(name)' has no rows after 'where'; expected at least one"
        case .expressionSyntax(let context, let problem, let expected): "\(context): \(problem); expected \(expected)"
        case .rangeInArithmetic:
            "a '..' range inside arithmetic; expected one column (a low–high range is shown alone: `=data.low..high[…]`)"
        case .expressionTooLarge(let limit):
            "the expression has more than \(limit) operators; expected a shorter one (a derived dataset can do the heavy lifting)"
        case .expressionTooDeep(let limit):
            "the expression nests more than \(limit) levels; expected fewer parentheses, '-' or 'not' inside each other"
        case .selectorNeeded(let reference):
            "'\(reference)' has no selector; expected [COLUMN=VALUE] or [last] to pick one row (only an aggregate may read every row)"
        case .noRowsToAggregate(let aggregate):
            "\(aggregate) reads no rows; expected at least one (only count is 0 over none)"
        case .missingCellInAggregate(let aggregate, let column, let missing, let rows):
            "\(aggregate): '\(column)' is empty in \(missing) of the \(rows) rows it reads; expected a value in every row "
                + "(fill the cell, or narrow the selector)"
        case .divisionByZero: "division by zero; expected a divisor other than 0"
        case .mixedUnits(let units):
            "the value mixes units (\(units.joined(separator: ", "))); expected '|FORMAT' to say how to show it"
        case .computeFailed(let message): "could not compute the value: \(message)"
        case .claimFails(let text, let shown):
            "claim does not hold: \"\(text)\": \(shown); expected it to hold (change the sentence or check the data)"
        case .claimReadsNoData(let text):
            "claim \"\(text)\" reads no dataset; expected a test on the data (a claim about constants checks nothing)"
        case .claimNoTest: "claim: no test; expected 'holds: EXPRESSION' or 'sql: |' with a query"
        case .claimQueryShape(let rows, let columns):
            "claim: the query returned \(rows) \(rows == 1 ? "row" : "rows") of \(columns) \(columns == 1 ? "column" : "columns"); "
                + "expected one row of one column, 1 (holds) or 0"
        case .claimQueryValue(let value):
            "claim: the query returned \(value.isEmpty ? "NULL" : "'\(value)'"); expected 1 (holds) or 0"
        case .tooManyCategories(let count, let type, let limit, let points) where points:
            "chart: \(DecimalText.count(count)) points per series are more than a \(type) chart draws (at most \(DecimalText.count(limit))); "
                + "expected fewer rows: aggregate them in a derived dataset (Content/data/NAME.sql with GROUP BY, such as one row "
                + "per month), or filter them with 'where:'"
        case .tooManyCategories(let count, let type, let limit, _):
            "chart: \(DecimalText.count(count)) categories are more than a \(type) chart draws legibly at 390 px (at most \(limit)); "
                + "expected fewer: filter them with 'where:', group them in a derived dataset (Content/data/NAME.sql), "
                + "or show them in a table"
        case .tooManyParts(let count, let type, let limit):
            "chart: \(DecimalText.count(count)) parts are more than a \(type) shows (at most \(limit)); expected a bar chart "
                + "(type: hbar) to compare them, or fewer parts: group the smallest in a derived dataset (Content/data/NAME.sql)"
        case .negativePart(let category, let value):
            "chart: part '\(category)' is \(value); expected parts of a whole to be zero or more (a bar chart shows losses)"
        case .partsOverWhole(let total):
            "chart: the parts add up to \(total), more than the whole (100%); expected shares that sum to at most 100%"
        case .facetRepeatsCategory(let facet, let category):
            "chart: facet '\(facet)' has two rows for '\(category)'; expected one row per category in each small chart (filter with "
                + "'where:', or sum the rows in a derived dataset)"
        case .tooManyFacets(let count, let limit):
            "chart: facet makes \(DecimalText.count(count)) small charts, more than can be compared (at most \(limit)); expected "
                + "fewer: filter them with 'where:', or draw one chart with a series per value"
        case .tableDrawings(let first, let second):
            "table column: both '\(first)' and '\(second)'; expected one of bar, heat or spark per column"
        case .sparkWithKey:
            "table column: a 'spark' column draws the columns it lists and has no 'key'; expected 'label' and 'spark: [COLUMN, ...]'"
        case .tooManyTableRows(let count, let limit):
            "table: \(DecimalText.count(count)) rows are more than a page shows (at most \(DecimalText.count(limit))); expected 'limit: N' to "
                + "show the first N (after 'sort'), a 'where:' filter, or a derived dataset that aggregates"
        case .tableLimitRange(let value, let limit):
            "table: limit \(value); expected a whole number from 1 to \(DecimalText.count(limit))"
        case .annotationCategory(let category, let known):
            "chart: annotation at x '\(category)', which is not on the chart; expected one of \(known.joined(separator: ", "))"
        }
    }
}
