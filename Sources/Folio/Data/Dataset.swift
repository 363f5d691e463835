import FolioCore
import FolioFormat

/// One table of data from `Content/data/`, with typed columns and every cell's source text.
/// Its fields are held in one reference: every page of a build reads the same datasets from
/// several threads, and a copy is then one retain, not one for each field.
public struct Dataset: Sendable, Equatable {
    private struct Fields: Sendable, Equatable {
        var name: String
        var columns: [DatasetColumn]
        var rows: [DatasetRow]
        var meta: DatasetMeta?
        var path: String
        var derivedFrom: [String] = []
    }

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// The file name without its extension: what `data:` and `=NAME.column` refer to.
    public var name: String {
        get { box.fields.name }
        set { change { $0.name = newValue } }
    }

    public var columns: [DatasetColumn] {
        get { box.fields.columns }
        set { change { $0.columns = newValue } }
    }

    public var rows: [DatasetRow] {
        get { box.fields.rows }
        set { change { $0.rows = newValue } }
    }

    public var meta: DatasetMeta? {
        get { box.fields.meta }
        set { change { $0.meta = newValue } }
    }

    /// Project-relative path of the data file, e.g. `Content/data/x.csv`.
    public var path: String {
        get { box.fields.path }
        set { change { $0.path = newValue } }
    }

    /// For a derived dataset or a block's own query, the datasets and databases it read, sorted;
    /// empty for a dataset read from a file.
    public var derivedFrom: [String] {
        get { box.fields.derivedFrom }
        set { change { $0.derivedFrom = newValue } }
    }

    public init(name: String, columns: [DatasetColumn], rows: [DatasetRow], meta: DatasetMeta? = nil, path: String) {
        box = Box(Fields(name: name, columns: columns, rows: rows, meta: meta, path: path))
    }

    public static func == (left: Dataset, right: Dataset) -> Bool {
        left.box === right.box || left.box.fields == right.box.fields
    }

    /// A new box with the change: the shared one is never written.
    private mutating func change(_ edit: (inout Fields) -> Void) {
        var fields = box.fields
        edit(&fields)
        box = Box(fields)
    }

    /// The index of the column called `name`, if there is one.
    public func columnIndex(named name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    public func column(named name: String) -> DatasetColumn? {
        columnIndex(named: name).map { columns[$0] }
    }

    /// The cell of `row` (an index into `rows`) in the column called `column`.
    public func value(row: Int, column: String) -> DatasetCell? {
        guard rows.indices.contains(row), let index = columnIndex(named: column) else { return nil }
        return rows[row].cells[index]
    }
}

/// A column: its header, whether every non-empty cell is a number, and its unit and label from the meta file.
public struct DatasetColumn: Sendable, Hashable {
    public var name: String
    public var isNumeric: Bool
    /// From `units:` in `NAME.meta.yml`, e.g. `USD millions`.
    public var unit: String? {
        didSet { unitFormat = unit.map { NumberFormat(unit: $0) } }
    }
    /// The format `unit` implies (`NumberFormat(unit:)`), made once for every value shown from the column.
    public private(set) var unitFormat: NumberFormat?
    /// From `labels:` in `NAME.meta.yml`: the name shown for the column (legend, series, table header).
    public var label: String?
    /// From `labels_LANG:`: language code → the name shown on that language's pages.
    public var translatedLabels: [String: String]

    public init(name: String, isNumeric: Bool, unit: String? = nil, label: String? = nil, translatedLabels: [String: String] = [:]) {
        self.name = name
        self.isNumeric = isNumeric
        self.unit = unit
        self.unitFormat = unit.map { NumberFormat(unit: $0) }
        self.label = label
        self.translatedLabels = translatedLabels
    }

    /// The name shown on a page in `language`: its `labels_LANG` label (`zh-Hant` falls back to
    /// `zh`), else its `labels:` label; nil when the sidecar names it in neither.
    public func label(in language: String) -> String? {
        if let own = translatedLabels[language] { return own }
        if let dash = language.firstIndex(of: "-"), let base = translatedLabels[String(language[..<dash])] { return base }
        return label
    }
}

/// One row, one cell per column, with the line it was written on.
public struct DatasetRow: Sendable, Equatable {
    public var cells: [DatasetCell]
    public var location: SourceLocation

    public init(cells: [DatasetCell], location: SourceLocation) {
        self.cells = cells
        self.location = location
    }
}

/// One value: its text exactly as written, and its number when the column is numeric.
public struct DatasetCell: Sendable, Hashable {
    /// As written in the file (`2024`, `1.10`, `012345`); empty when the value is missing.
    public var text: String
    /// The number, or NaN for none: a numeric cell is always finite, so NaN is free to mean "no
    /// number", and a cell takes 24 bytes instead of an optional's 32 (a million rows read faster).
    private var stored: Double

    public init(text: String, number: Double? = nil) {
        self.text = text
        self.stored = number ?? .nan
    }

    /// Set only when the column is numeric and the cell is not missing.
    public var number: Double? {
        get { stored.isNaN ? nil : stored }
        set { stored = newValue ?? .nan }
    }

    /// An empty cell (or JSON/YAML null): missing, never zero.
    public var isMissing: Bool { text.isEmpty }

    public static func == (lhs: DatasetCell, rhs: DatasetCell) -> Bool { lhs.text == rhs.text && lhs.number == rhs.number }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(number)
    }
}
