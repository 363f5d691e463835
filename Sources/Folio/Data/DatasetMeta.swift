import FolioCore

/// What `NAME.meta.yml` says about a dataset.
public struct DatasetMeta: Sendable, Equatable {
    public var title: String?
    public var description: String?
    /// Where the data comes from, shown under every chart and table; a block's own `source:` overrides it.
    public var source: Source?
    /// Column name → unit, e.g. `net_loss_usd_m: USD millions`.
    public var units: [String: String]
    /// Column name → the name folio shows for it (`labels:`), e.g. `adjusted_ebitda_usd_m: Adjusted EBITDA`.
    public var labels: [String: String]
    /// Language → column name → label, from `labels_LANG:` (`labels_zh:`); kept for pages in other languages.
    public var languageLabels: [String: [String: String]]
    public var notes: [String]
    /// `source_column:` and `sources:`: each row's sources, by id, in another dataset.
    public var rowSources: RowSources?
    /// Where each `units:` key was written, to report a unit for a column the dataset lacks.
    var unitLocations: [String: SourceLocation] = [:]
    /// Where each label's column was written, by the key it is under (`labels`, `labels_zh`), to report a
    /// label for a column the dataset lacks.
    var labelLocations: [String: [String: SourceLocation]] = [:]

    public init(
        title: String? = nil, description: String? = nil, source: Source? = nil, units: [String: String] = [:],
        labels: [String: String] = [:], languageLabels: [String: [String: String]] = [:], notes: [String] = []
    ) {
        self.title = title
        self.description = description
        self.source = source
        self.units = units
        self.labels = labels
        self.languageLabels = languageLabels
        self.notes = notes
    }

    public static func == (lhs: DatasetMeta, rhs: DatasetMeta) -> Bool {
        (lhs.title, lhs.description, lhs.source, lhs.notes) == (rhs.title, rhs.description, rhs.source, rhs.notes)
            && lhs.rowSources == rhs.rowSources && lhs.units == rhs.units && lhs.labels == rhs.labels
            && lhs.languageLabels == rhs.languageLabels
    }
}

/// A sidecar's `source_column:` and `sources:` (SPEC §3): the column holding each row's
/// `;`-separated source ids, for every value column or one per value column, and the dataset
/// (columns `id`, `title`, `url`, `date`) whose rows the ids name.
public struct RowSources: Sendable, Equatable {
    /// One id column for every value column, or value column → id column.
    public enum IDColumns: Sendable, Equatable {
        case all(String)
        case byColumn([String: String])
    }

    public var idColumns: IDColumns
    public var dataset: String
    /// Where `source_column:` was written, for errors about its columns.
    public var location: SourceLocation

    /// The id column that cites `column`'s values; nil when the sidecar names none for it.
    public func idColumn(for column: String) -> String? {
        switch idColumns {
        case .all(let name): name
        case .byColumn(let names): names[column]
        }
    }

    /// Every id column named, sorted.
    public var allIDColumns: [String] {
        switch idColumns {
        case .all(let name): [name]
        case .byColumn(let names): Array(Set(names.values)).sorted()
        }
    }
}
