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
            && lhs.units == rhs.units && lhs.labels == rhs.labels && lhs.languageLabels == rhs.languageLabels
    }
}
