import FolioCore
import FolioData

/// The values of one page made from data: the rows of its value, and the columns they agree on.
public struct RowBindings: Sendable {
    /// The template's `rows:` dataset and the column its file name gives.
    public let dataset: String
    public let column: String
    /// The page's value of that column.
    public let value: String
    let columns: [String]
    let rows: [DatasetRow]
    /// Every row of `dataset` whose `column` is the page's value as text, whatever the front
    /// matter's `where:` (a block's `where: {company: "@company"}` reads them all), and the
    /// dataset's path: a read of the page's own rows looks among these, not the whole dataset.
    let valueRows: [DatasetRow]
    let path: String
    /// What the page reads when it reads only the rows of `dataset` with its value (`capex[company=Meta]`):
    /// editing another row leaves it as it is.
    public let ownRows: String

    init(
        dataset: String, column: String, value: String, columns: [String], rows: [DatasetRow], valueRows: [DatasetRow], path: String
    ) {
        self.dataset = dataset
        self.column = column
        self.value = value
        self.columns = columns
        self.rows = rows
        self.valueRows = valueRows
        self.path = path
        ownRows = Self.ownRows(dataset: dataset, column: column, value: value)
    }

    /// Names the page in messages: `company=Meta`.
    public var pageName: String { "\(column)=\(value)" }

    public static func ownRows(dataset: String, column: String, value: String) -> String { "\(dataset)[\(column)=\(value)]" }

    /// The rows a read of `dataset` may match when its comparisons include `column = value` (the
    /// page's own rows, `[company=@company]`): those of `valueRows`, in the dataset's order, so a
    /// page made from data does not scan every row of its dataset for each value it shows. Nil
    /// when the read is of another dataset, or the column holds numbers (`2024.0` equals `2024`,
    /// which grouping by text does not see): the read then filters the whole dataset.
    func candidates(in read: Dataset) -> [DatasetRow]? {
        guard read.name == dataset, read.path == path, let index = read.columnIndex(named: column), !read.columns[index].isNumeric
        else { return nil }
        return valueRows
    }

    /// The value every row of the page has in `column`; an unknown column, or rows that disagree,
    /// is an error at `location` (where the placeholder is written).
    public func value(of column: String, at location: SourceLocation) throws(Diagnostic) -> String {
        guard let index = columns.firstIndex(of: column) else {
            throw Diagnostic(at: location, RowPageIssue.unknownColumn(column, dataset: dataset, known: columns))
        }
        let first = rows.first?.cells[index].text ?? ""
        if let other = rows.first(where: { $0.cells[index].text != first }) {
            throw Diagnostic(
                at: location, RowPageIssue.valuesDiffer(column: column, page: pageName, first: first, second: other.cells[index].text))
        }
        return first
    }

    /// A selector's or `where:` value as written: `@COLUMN` is the page's value of that column
    /// (only on a page made from data), `\@…` is `@…`, anything else is itself.
    public static func resolve(_ written: String, bindings: RowBindings?, at location: SourceLocation) throws(Diagnostic) -> String {
        if written.hasPrefix("\\@") { return String(written.dropFirst()) }
        guard written.hasPrefix("@") else { return written }
        let column = String(written.dropFirst())
        guard !column.isEmpty else { throw Diagnostic(at: location, RowPageIssue.emptyBinding) }
        guard let bindings else { throw Diagnostic(at: location, RowPageIssue.bindingOutsideTemplate(written)) }
        return try bindings.value(of: column, at: location)
    }
}
