/// The size of one layout variant and the type sizes every part of the chart uses.
/// Font sizes are in viewBox units; the stylesheet prints the same numbers.
struct ChartCanvas: Sendable {
    /// The viewBox width.
    let width: Double
    /// The height of the value range of vertical charts.
    let plotHeight: Double
    /// The height of one row of horizontal charts, at least.
    let rowHeight: Double
    /// Suffix for ids and class of this variant (`""` or `"-compact"`).
    let idSuffix: String

    static let labelSize = 15.0
    static let noteSize = 14.0
    static let titleSize = 21.0
    static let subtitleSize = 16.0

    /// The desktop layout: 640 units wide, shown above the stylesheet's breakpoint.
    static let wide = ChartCanvas(width: 640, plotHeight: 280, rowHeight: 32, idSuffix: "")
    /// The phone layout: 360 units wide, so 15-unit labels stay about 15 px at 390 px.
    static let compact = ChartCanvas(width: 360, plotHeight: 220, rowHeight: 30, idSuffix: "-compact")

    static func lineHeight(_ size: Double) -> Double { (size * 1.25).rounded() }

    var labelLine: Double { Self.lineHeight(Self.labelSize) }
    var noteLine: Double { Self.lineHeight(Self.noteSize) }
}
