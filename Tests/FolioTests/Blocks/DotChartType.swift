import FolioCharts
import FolioFormat

/// A chart type declared outside folio, as a site's own code would: one dot per category at its value.
struct DotMark: ChartMark {
    let data: ChartData

    var isHorizontal: Bool { false }
    var bands: [String] { data.categories }
    var includesZero: Bool { true }

    var extent: (lower: Double, upper: Double)? {
        let values = data.allValues
        guard let low = values.min(), let high = values.max() else { return nil }
        return (low, high)
    }

    func ends(_ index: Int) -> (low: Double, high: Double)? { data.value(0, index).map { ($0, $0) } }

    func valueLabels(_ index: Int, format: NumberFormat) -> (high: String?, low: String?) {
        (data.value(0, index).map(format.format), nil)
    }

    func draw(in plot: Plot, into svg: inout SVGWriter) {
        svg.group("g", [("class", .text("fc-dots"))]) { svg in
            for c in data.categories.indices {
                guard let value = data.value(0, c) else { continue }
                let point = plot.point(plot.band.center(c), value)
                svg.element(
                    "circle", [("cx", .number(point.x)), ("cy", .number(point.y)), ("r", .number(4)), ("class", .text("fc-dot"))])
            }
        }
    }

    func summary(format: NumberFormat) -> String { "\(data.allValues.count) dots." }
}

extension ChartType {
    /// `type: dot`, taking one `y` column.
    static let dot = ChartType(name: "dot", channels: [.one("y")]) { spec, _ in DotMark(data: ChartData(spec)) }
    /// `type: span`, taking `from` and `to` (drawn as dots of the `from` column): keys no built-in type takes.
    static let span = ChartType(name: "span", channels: [.one("from"), .one("to")]) { spec, _ in DotMark(data: ChartData(spec)) }
}
