import FolioFormat

/// `scatter`: one point per row at its `x` and `y` values (series 0 is x, series 1 is y); with
/// `label:` each point is named beside it where the name clears every other name and point,
/// and left unnamed otherwise (the table says which).
struct ScatterMark: OwnLayoutMark {
    let data: ChartData
    let namesPoints: Bool

    /// More points than this are a blur at 390 px; aggregate them first.
    static let pointLimit = 500
    static let radius = 4.5

    var isHorizontal: Bool { false }
    var bands: [String] { data.categories }
    var includesZero: Bool { false }

    /// The rows with both values, as (row, x, y).
    var points: [(row: Int, x: Double, y: Double)] {
        data.categories.indices.compactMap { c in
            guard let x = data.value(0, c), let y = data.value(1, c) else { return nil }
            return (c, x, y)
        }
    }

    var extent: (lower: Double, upper: Double)? {
        let ys = points.map(\.y)
        guard let low = ys.min(), let high = ys.max() else { return nil }
        return (low, high)
    }

    var xExtent: (lower: Double, upper: Double)? {
        let xs = points.map(\.x)
        guard let low = xs.min(), let high = xs.max() else { return nil }
        return (low, high)
    }

    var xName: String { data.series.first?.name ?? "x" }
    var yName: String { data.series.count > 1 ? data.series[1].name : "y" }

    func xFormat(_ chart: NumberFormat) -> NumberFormat { data.series.first?.format ?? chart }

    func ends(_ index: Int) -> (low: Double, high: Double)? { data.value(1, index).map { ($0, $0) } }

    func valueLabels(_ index: Int, format: NumberFormat) -> (high: String?, low: String?) { (nil, nil) }

    func tooltip(_ point: (row: Int, x: Double, y: Double), format: NumberFormat) -> String {
        let value = "\(xName) \(xFormat(format).format(point.x)), \(yName) \(format.format(point.y))"
        return namesPoints ? MarkTooltip.text(category: data.categories[point.row], series: nil, value: value) : value
    }

    func draw(in plot: Plot, into svg: inout SVGWriter) {}

    func body(_ spec: ChartSpec, canvas: ChartCanvas, shared: SharedScale?) -> ChartBody {
        ScatterLayout.body(spec, mark: self, canvas: canvas, shared: shared)
    }

    func summary(format: NumberFormat, words: ChartWords) -> String {
        let points = points
        guard let highest = points.max(by: { $0.y < $1.y }), let lowest = points.min(by: { $0.y < $1.y }) else {
            return ChartSummary.noData(words)
        }
        func named(_ point: (row: Int, x: Double, y: Double)) -> String {
            let name = namesPoints ? "\(data.categories[point.row]), " : ""
            return "\(name)\(xName) \(xFormat(format).format(point.x)), \(yName) \(format.format(point.y))"
        }
        return ChartWords.fill(words.points, String(points.count), yName, named(highest), named(lowest))
    }
}
