import FolioCore

/// Everything that can be wrong with a page made from data (SPEC §2 "Pages from data"): its
/// template's `rows:`, the values that name its pages, and the `{COLUMN}` and `@COLUMN` that show them.
public enum RowPageIssue: DiagnosticReason, Equatable {
    /// `column`: the column the template's file name gives.
    case missingRows(column: String)
    case rowsNotADataset
    case whereNotAMapping
    /// The file name's column is not one of the dataset's.
    case unknownFileColumn(String, dataset: String, known: [String])
    case unknownColumn(String, dataset: String, known: [String])
    case emptyValue(column: String)
    /// Two values make one page: `first` and where its row is.
    case slugClash(value: String, first: String, firstRow: String, output: String)
    /// A column whose rows for the page's value do not agree: the first two values.
    case valuesDiffer(column: String, page: String, first: String, second: String)
    case bindingOutsideTemplate(String)
    case emptyBinding

    public var message: String {
        switch self {
        case .missingRows(let column):
            "a template page ('[\(column)].md') has no 'rows:'; expected 'rows: DATASET', the dataset with a '\(column)' column whose values name the pages"
        case .rowsNotADataset: "'rows' is not a dataset name; expected 'rows: DATASET'"
        case .whereNotAMapping: "'where' is not a mapping; expected 'where: {column: value}'"
        case .unknownFileColumn(let column, let dataset, let known):
            "the file name's column '\(column)' is not in dataset '\(dataset)'; expected one of \(known.joined(separator: ", "))"
        case .unknownColumn(let column, let dataset, let known):
            "unknown column '\(column)' in dataset '\(dataset)'; expected one of \(known.joined(separator: ", "))"
        case .emptyValue(let column):
            "this row's '\(column)' is empty, so it names no page; expected a value (or leave the row out with 'where:')"
        case .slugClash(let value, let first, let firstRow, let output):
            "'\(value)' makes the page '\(output)', as '\(first)' (row at \(firstRow)) does; expected values with distinct slugs"
        case .valuesDiffer(let column, let page, let first, let second):
            "'\(column)' is '\(first)' in one row of \(page) and '\(second)' in another; expected a column that has one value per page"
        case .bindingOutsideTemplate(let written):
            "'\(written)' stands for a value of a page made from data, but this page is not a template ('[COLUMN].md' with 'rows:'); expected a value (write '\\@' for a literal '@')"
        case .emptyBinding: "'@' without a column name; expected '@COLUMN' (or '\\@' for a literal '@')"
        }
    }
}
