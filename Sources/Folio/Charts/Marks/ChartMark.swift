import FolioFormat

/// One chart type: what it needs from the shared layout, and how it draws itself.
/// Scales, ticks, axes and text placement are shared; a new type is a new mark.
protocol ChartMark: Sendable {
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
    var maxBandwidth: Double { get }
    /// The lowest and highest value drawn in band `index` (bars include zero); nil when empty.
    /// Labels and annotations sit beyond these ends.
    func ends(_ index: Int) -> (low: Double, high: Double)?
    /// Value label texts for band `index`: beyond its high end, and below its low end.
    func valueLabels(_ index: Int, format: NumberFormat) -> (high: String?, low: String?)
    /// Text drawn right of the plot (line-end labels) that the layout must leave room for.
    func trailingLabelTexts(format: NumberFormat, labels: Bool) -> [String]
    /// Draws the marks and their value labels.
    func draw(in plot: Plot, into svg: inout SVGWriter)
    /// One or two sentences with the key numbers, for `<desc>`.
    func summary(format: NumberFormat) -> String
}

/// A legend entry: the series name and its colour slot.
struct LegendItem: Sendable {
    let name: String
    let colorClass: String
}

extension ChartMark {
    var legend: [LegendItem] { [] }
    /// The widest a band may grow before the gaps between bands widen instead.
    var maxBandwidth: Double { 80 }
    func trailingLabelTexts(format: NumberFormat, labels: Bool) -> [String] { [] }
}

/// The mark for each chart type.
enum MarkFactory {
    /// `horizontal` turns the bar-like types (the phone layout's fix for long category names).
    static func mark(for spec: ChartSpec, horizontal: Bool = false) -> any ChartMark {
        let data = ChartData(spec)
        switch spec.type {
        case .bar: return BarMark(data: data, horizontal: horizontal)
        case .hbar: return BarMark(data: data, horizontal: true)
        case .groupedBar: return GroupedBarMark(data: data, isHorizontal: horizontal)
        case .stackedBar: return StackedBarMark(data: data, isHorizontal: horizontal)
        case .line: return LineMark(data: data)
        case .area: return AreaMark(data: data)
        case .range: return RangeMark(data: data)
        case .waterfall: return WaterfallMark(data: data, total: spec.total, horizontal: horizontal)
        }
    }

    /// Types that may turn horizontal.
    static let turnable: Set<ChartType> = [.bar, .groupedBar, .stackedBar, .waterfall]
}
