import FolioCore
import FolioData

/// A table column's `link:` to the pages made from data (SPEC §2): `companies/[company].md`
/// links each cell to the page its row's value of `company` makes.
public struct RowPageLink: Sendable {
    /// The URL, from the page the table is on, of the page a link to a template (`companies/[company].md`,
    /// as written) makes for `value`; a value that makes no page is an error at `location`.
    public typealias Resolve = @Sendable (_ link: String, _ value: String, _ location: SourceLocation) throws(Diagnostic) -> String

    let written: String
    let column: Int
    let location: SourceLocation

    /// The column a link to a template names (`company` in `companies/[company].md#plans`); nil when
    /// the link names a column of URLs instead.
    public static func column(in link: String) -> String? {
        let path = link.prefix { $0 != "#" && $0 != "?" }
        guard let name = path.split(separator: "/", omittingEmptySubsequences: false).last, name.hasPrefix("["), name.hasSuffix("].md")
        else { return nil }
        let column = name.dropFirst().dropLast("].md".count)
        return column.isEmpty || column.contains("=") ? nil : String(column)
    }

    /// The link `reference` writes to a template of `column` (`column(in:)`), which must be one of the dataset's.
    init(_ reference: ColumnReference, column name: String, in dataset: Dataset) throws(Diagnostic) {
        let index = try dataset.columnIndex(ColumnReference(name: name, location: reference.location))
        (written, column, location) = (reference.name, index, reference.location)
    }

    /// Each row's URL, each value resolved once.
    func urls(of rows: [DatasetRow], resolve: Resolve) throws(Diagnostics) -> [String] {
        var problems = DiagnosticCollector()
        var known: [String: String] = [:]
        let urls = rows.map { row -> String in
            let value = row.cells[column].text
            if let url = known[value] { return url }
            let url = problems.capture { () throws(Diagnostic) in try resolve(written, value, location) } ?? ""
            known[value] = url
            return url
        }
        try problems.throwIfAny()
        return urls
    }
}
