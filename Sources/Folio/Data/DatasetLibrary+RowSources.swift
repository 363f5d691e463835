import FolioCore

/// Sources per row (SPEC §3): a sidecar's `source_column:` names, for each row, ids of rows of its
/// `sources:` dataset.
extension DatasetLibrary {
    /// What is wrong with the `source_column:` and `sources:` of `datasets`: a sources dataset that
    /// is missing or lacks `id` and `title`, an id column the dataset lacks, or an id with no row.
    public func rowSourceProblems(of datasets: [Dataset]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for dataset in datasets.sorted(by: { $0.name < $1.name }) {
            guard let rowSources = dataset.meta?.rowSources else { continue }
            guard let sources = self[rowSources.dataset] else {
                problems.append(Diagnostic(at: rowSources.location, DataIssue.unknownSourcesDataset(rowSources.dataset, known: names)))
                continue
            }
            guard let ids = sources.columnIndex(named: "id"), sources.columnIndex(named: "title") != nil else {
                problems.append(Diagnostic(at: rowSources.location, DataIssue.sourcesDatasetColumns(rowSources.dataset)))
                continue
            }
            let known = Set(sources.rows.map { $0.cells[ids].text })
            for column in rowSources.allIDColumns {
                guard let index = dataset.columnIndex(named: column) else {
                    let names = dataset.columns.map(\.name)
                    problems.append(
                        Diagnostic(at: rowSources.location, DataIssue.unknownIDColumn(column, dataset: dataset.name, known: names)))
                    continue
                }
                for row in dataset.rows {
                    for id in Self.ids(in: row.cells[index].text) where !known.contains(id) {
                        problems.append(
                            Diagnostic(at: row.location, DataIssue.unknownSourceID(id, column: column, sources: rowSources.dataset)))
                    }
                }
            }
        }
        return problems
    }

    /// The sources `rows` of `dataset` cite for their `columns`, in order of first use; nil when the
    /// dataset has no sources per row. An empty id cell cites the sidecar's `source:`.
    public func citedSources(of dataset: Dataset, rows: [DatasetRow], columns: [String]) -> [Source]? {
        guard let rowSources = dataset.meta?.rowSources, let sources = self[rowSources.dataset],
            let idIndex = sources.columnIndex(named: "id")
        else { return nil }
        let byID = Dictionary(sources.rows.map { ($0.cells[idIndex].text, $0) }) { first, _ in first }
        var cited: [Source] = []
        func cite(_ source: Source?) {
            if let source, !cited.contains(source) { cited.append(source) }
        }
        for row in rows {
            for column in columns {
                let ids =
                    rowSources.idColumn(for: column).flatMap(dataset.columnIndex(named:)).map { Self.ids(in: row.cells[$0].text) } ?? []
                if ids.isEmpty { cite(dataset.meta?.source) }
                for id in ids { cite(byID[id].map { Self.source(of: $0, in: sources) }) }
            }
        }
        return cited
    }

    /// The ids of one cell: `;`-separated, spaces around each left out, empty ones skipped.
    static func ids(in cell: String) -> [String] {
        cell.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// A row of a sources dataset as a source: its `title`, and its `url` and `date` when given.
    private static func source(of row: DatasetRow, in sources: Dataset) -> Source {
        func cell(_ name: String) -> String? {
            sources.columnIndex(named: name).map { row.cells[$0].text }.flatMap { $0.isEmpty ? nil : $0 }
        }
        return Source(title: cell("title") ?? "", url: cell("url"), date: cell("date"))
    }
}

extension String {
    /// The text without the spaces (U+0020 only) at its ends.
    public var trimmingSpaces: String {
        String(String.UnicodeScalarView(unicodeScalars.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()))
    }
}
