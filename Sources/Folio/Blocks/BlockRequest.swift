import FolioCharts
import FolioCore
import FolioFormat

/// A column named in a block, with where it was named.
public struct ColumnReference: Equatable, Sendable {
    public var name: String
    public var location: SourceLocation
    /// A label given in the block (`y: [{key: ebitda, label: Adjusted EBITDA}]`); else one is made from the name.
    public var label: String?

    public init(name: String, location: SourceLocation, label: String? = nil) {
        self.name = name
        self.location = location
        self.label = label
    }
}

/// Where a block's rows come from: a dataset by name, or CSV written in the block.
public enum DataReference: Equatable, Sendable {
    case dataset(String, at: SourceLocation)
    /// The CSV text and the location of its first line.
    case inlineCSV(String, at: SourceLocation)
    /// The block's own SQLite query (`sql: |`) and the location of its first character.
    case query(String, at: SourceLocation)
}

/// One `column: value` condition of `where:`.
public struct RowCondition: Equatable, Sendable {
    public var column: ColumnReference
    public var value: String
    /// Where the value is written, for a value that cannot match its column.
    public var valueLocation: SourceLocation
}

/// A `chart` block as written, checked for shape but not yet against its data.
public struct ChartRequest: Equatable, Sendable {
    public var type: ChartType
    public var data: DataReference
    public var x: ColumnReference
    /// Value columns; for `range`, low then high.
    public var values: [ColumnReference]
    public var conditions: [RowCondition]
    public var title: String
    public var subtitle: String?
    public var format: NumberFormat?
    public var labels: Bool
    public var annotations: [ChartAnnotation]
    public var total: String?
    public var note: String?
    public var source: Source?
    public var location: SourceLocation
    /// `scatter`'s `label:`: the text column naming the points.
    public var label: ColumnReference? = nil
    /// `facet: COLUMN`: small multiples, one per value of the column.
    public var facet: ColumnReference? = nil
}

/// One column of a `table` block.
public struct TableColumnRequest: Equatable, Sendable {
    public var key: ColumnReference
    public var label: String?
    public var format: NumberFormat?
    /// `link: url`: a column of URLs that makes each cell a link (when the URL may be one).
    public var link: ColumnReference? = nil
    /// `bar: true`, `heat: true` or `spark: [COLUMN, ...]`: what the cells draw beside their numbers.
    public var drawing: TableColumnDrawing? = nil
}

/// A `table` block as written.
public struct TableRequest: Equatable, Sendable {
    public var data: DataReference
    public var columns: [TableColumnRequest]?
    public var conditions: [RowCondition]
    public var caption: String?
    public var sortKey: ColumnReference?
    public var sortDescending: Bool
    /// `limit: N`: show the first N rows (after sorting) of a longer table.
    public var limit: Int? = nil
    public var source: Source?
    public var location: SourceLocation
}

/// A `claim` block (SPEC §5b): a sentence of the prose and the test the data must pass for it.
public struct ClaimRequest: Equatable, Sendable {
    public enum Test: Equatable, Sendable {
        /// `holds:`, parsed.
        case holds(ClaimCondition)
        /// `sql:`, with the location of its first character.
        case query(String, at: SourceLocation)
    }

    public var text: String
    public var test: Test
    /// The block's opening fence, where a claim that fails is reported.
    public var location: SourceLocation
}
