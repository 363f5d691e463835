import FolioCharts
import FolioFormat

/// A chart type declared outside folio, as a site's own code would: one pin per category at its value.
struct PinMark: ChartMark {
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
        svg.group("g", [("class", .text("fc-pins"))]) { svg in
            for c in data.categories.indices {
                guard let value = data.value(0, c) else { continue }
                let point = plot.point(plot.band.center(c), value)
                svg.element(
                    "circle", [("cx", .number(point.x)), ("cy", .number(point.y)), ("r", .number(4)), ("class", .text("fc-pin"))])
            }
        }
    }

    func summary(format: NumberFormat, words: ChartWords) -> String { "\(data.allValues.count) pins." }
}

extension ChartType {
    /// `type: pin`, taking one `y` column.
    static let pin = ChartType(name: "pin", channels: [.one("y")]) { spec, _ in PinMark(data: ChartData(spec)) }
    /// `type: span`, taking `start` and `end` (drawn as pins of the `start` column): keys no built-in type takes.
    static let span = ChartType(name: "span", channels: [.one("start"), .one("end")]) { spec, _ in PinMark(data: ChartData(spec)) }
}
