import FolioCore
import FolioData
import FolioYAML

/// The pages a template makes (SPEC §2): one per distinct value of its column in its rows, in
/// the order the values first appear.
public enum TemplateRows {
    /// One page's slug (its file name without `.html`) and values.
    public struct PageRows: Sendable {
        public let slug: String
        public let bindings: RowBindings
    }

    /// `rows`: the dataset's name and where it is written; `column`: the file name's column;
    /// `conditions`: the front matter's `where:`; `folder`: where the pages go (`companies/`), for messages.
    public static func pages(
        rows: String, at location: SourceLocation, column: String, where conditions: [RowCondition], folder: String,
        library: DatasetLibrary
    ) throws(Diagnostics) -> [PageRows] {
        let dataset: Dataset
        let index: Int
        let selected: [DatasetRow]
        do throws(Diagnostic) {
            dataset = try library.dataset(rows, at: location)
            guard let found = dataset.columnIndex(named: column) else {
                throw Diagnostic(
                    at: location, RowPageIssue.unknownFileColumn(column, dataset: rows, known: dataset.columns.map(\.name)))
            }
            index = found
            selected = try dataset.rows(where: conditions)
        } catch {
            throw Diagnostics([error])
        }
        var problems = DiagnosticCollector()
        var order: [(value: String, slug: String)] = []
        var byValue: [String: [DatasetRow]] = [:]
        var bySlug: [String: (value: String, row: DatasetRow)] = [:]
        byValue.reserveCapacity(selected.count)
        bySlug.reserveCapacity(selected.count)
        for row in selected {
            let value = row.cells[index].text
            guard !value.isEmpty else {
                problems.add(Diagnostic(at: row.location, RowPageIssue.emptyValue(column: column)))
                continue
            }
            if byValue[value] != nil {
                byValue[value, default: []].append(row)
                continue
            }
            let slug = Slug.make(value)
            if let first = bySlug[slug] {
                problems.add(
                    Diagnostic(
                        at: row.location,
                        RowPageIssue.slugClash(
                            value: value, first: first.value, firstRow: first.row.location.description,
                            output: "\(folder)\(slug).html")))
                continue
            }
            bySlug[slug] = (value, row)
            byValue[value] = [row]
            order.append((value, slug))
        }
        try problems.throwIfAny()
        let columns = dataset.columns.map(\.name)
        var valueRows: [String: [DatasetRow]] = [:]
        valueRows.reserveCapacity(order.count)
        for row in dataset.rows where byValue[row.cells[index].text] != nil {
            valueRows[row.cells[index].text, default: []].append(row)
        }
        return order.map { value, slug in
            PageRows(
                slug: slug,
                bindings: RowBindings(
                    dataset: rows, column: column, value: value, columns: columns, rows: byValue[value] ?? [],
                    valueRows: valueRows[value] ?? [], path: dataset.path))
        }
    }

    /// The front matter's `where: {column: value}`, equality on each key as blocks' `where:`.
    public static func conditions(_ value: YAMLValue) throws(Diagnostic) -> [RowCondition] {
        guard let entries = value.entries else { throw Diagnostic(at: value.location, RowPageIssue.whereNotAMapping) }
        var conditions: [RowCondition] = []
        for entry in entries {
            guard let text = entry.value.text else { throw Diagnostic(at: entry.value.location, RowPageIssue.whereNotAMapping) }
            conditions.append(
                RowCondition(
                    column: ColumnReference(name: entry.key, location: entry.keyLocation), value: text,
                    valueLocation: entry.value.location))
        }
        return conditions
    }
}
