import FolioFormat

/// How one chart type draws itself, and what it needs from the shared layout.
/// Scales, ticks, axes and text placement are shared; a new type is a new mark and its `ChartType`.
public protocol ChartMark: Sendable {
    /// Categories run down the left and values across (hbar, range).
    var isHorizontal: Bool { get }
    /// The labels of the category bands (waterfall adds its total band).
    var bands: [String] { get }
    /// The lowest and highest value the value axis must show; nil when there is nothing to draw.
    var extent: (lower: Double, upper: Double)? { get }
    /// Bars and areas start at zero; lines may not.
    var includesZero: Bool { get }
    /// Series for the legend; empty when direct labels name them.
    var legend: [LegendItem] { get }
    /// The widest a band may grow before the gaps between bands widen instead.
    var maxBandwidth: Double { get }
    /// The lowest and highest value drawn in band `index` (bars include zero); nil when empty.
    /// Labels and annotations sit beyond these ends.
    func ends(_ index: Int) -> (low: Double, high: Double)?
    /// Value label texts for band `index`: beyond its high end, and below its low end.
    func valueLabels(_ index: Int, format: NumberFormat) -> (high: String?, low: String?)
    /// Text drawn right of the plot (line-end labels) that the layout must leave room for.
    func trailingLabelTexts(format: NumberFormat, labels: Bool) -> [String]
    /// Room a horizontal layout leaves between the ticks and the first row, for the series names
    /// a mark writes over that row (`dot`, `arrow`).
    var leadRoom: Double { get }
    /// Draws the marks and their value labels.
    func draw(in plot: Plot, into svg: inout SVGWriter)
    /// One or two sentences with the key numbers, for `<desc>`.
    func summary(format: NumberFormat, words: ChartWords) -> String
}

/// A mark with neither category bands nor a value axis (`donut`): it lays out its whole body.
protocol OwnLayoutMark: ChartMark {
    func body(_ spec: ChartSpec, canvas: ChartCanvas, shared: SharedScale?) -> ChartBody
}

/// A legend entry: the series name and its colour slot.
public struct LegendItem: Sendable {
    public let name: String
    /// `fc-fill-N`, N from 1 to 7.
    public let colorClass: String

    public init(name: String, colorClass: String) {
        self.name = name
        self.colorClass = colorClass
    }
}

extension ChartMark {
    public var legend: [LegendItem] { [] }
    public var maxBandwidth: Double { 80 }
    public func trailingLabelTexts(format: NumberFormat, labels: Bool) -> [String] { [] }
    public var leadRoom: Double { 0 }
}
