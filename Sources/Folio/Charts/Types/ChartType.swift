/// One chart type, declared: the block keys it takes, how its categories are laid out, and the
/// mark that draws it. Parsing, validation messages and layouts read these; a new type is one
/// mark and one declaration, registered in a `ChartCatalog`. Equal when the names are equal.
public struct ChartType: Hashable, Sendable, CustomStringConvertible {
    /// The name used in chart blocks (`type: grouped-bar`).
    public let name: String
    /// The keys naming its value columns, in series order; at least one.
    public let channels: [ChartChannel]
    /// The other keys only some types take.
    public let options: Set<ChartOption>
    public let categoryScale: CategoryScale
    /// Whether the phone layout may turn it horizontal when category names cannot fit their bands.
    public let turnsHorizontal: Bool
    /// Extra room the horizontal layout leaves before a value label (a range's rounded end).
    public let labelInset: Double
    /// Whether each series has its own bar in a category's band (`grouped-bar`), which divides
    /// the categories a chart can hold by the number of series.
    public let barPerSeries: Bool
    private let makeMark: @Sendable (_ spec: ChartSpec, _ horizontal: Bool) -> any ChartMark

    /// `mark` draws a spec of this type; `horizontal` is true only when the phone layout turns it.
    public init(
        name: String,
        channels: [ChartChannel],
        options: Set<ChartOption> = [],
        categoryScale: CategoryScale = .bands,
        turnsHorizontal: Bool = false,
        labelInset: Double = 0,
        barPerSeries: Bool = false,
        mark: @escaping @Sendable (_ spec: ChartSpec, _ horizontal: Bool) -> any ChartMark
    ) {
        self.name = name
        self.channels = channels
        self.options = options
        self.categoryScale = categoryScale
        self.turnsHorizontal = turnsHorizontal
        self.labelInset = labelInset
        self.barPerSeries = barPerSeries
        self.makeMark = mark
    }

    /// The mark drawing `spec`; `horizontal` turns a type that `turnsHorizontal`.
    public func mark(for spec: ChartSpec, horizontal: Bool = false) -> any ChartMark {
        makeMark(spec, horizontal && turnsHorizontal)
    }

    /// Whether a chart block of this type may hold `key` (a channel or an option).
    public func takes(_ key: String) -> Bool {
        channels.contains { $0.key == key } || options.contains { $0.rawValue == key }
    }

    public var description: String { name }

    public static func == (lhs: ChartType, rhs: ChartType) -> Bool { lhs.name == rhs.name }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
