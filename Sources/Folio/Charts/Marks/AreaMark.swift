import FolioFormat

/// `area`: the line mark filled down to zero; several series overlap translucently, each from zero.
struct AreaMark: ChartMark {
    let line: LineMark

    init(data: ChartData) {
        line = LineMark(data: data)
    }

    var isHorizontal: Bool { false }
    var bands: [String] { line.bands }
    var includesZero: Bool { true }
    var extent: (lower: Double, upper: Double)? { line.extent }

    func ends(_ index: Int) -> (low: Double, high: Double)? {
        line.ends(index).map { (min($0.low, 0), max($0.high, 0)) }
    }

    func valueLabels(_ index: Int, format: NumberFormat) -> (high: String?, low: String?) {
        line.valueLabels(index, format: format)
    }

    func trailingLabelTexts(format: NumberFormat, labels: Bool) -> [String] {
        line.trailingLabelTexts(format: format, labels: labels)
    }

    func draw(in plot: Plot, into svg: inout SVGWriter) {
        let zero = plot.value.zero
        for s in line.data.series.indices {
            svg.group("g", [("class", .text("fc-series"))]) { svg in
                for run in line.runs(s, in: plot) where run.count > 1 {
                    guard let first = run.first, let last = run.last else { continue }
                    let outline = run + [(last.x, zero), (first.x, zero)]
                    svg.mark(
                        "path",
                        [("d", .text(SVGPath.polyline(outline, closed: true))), ("class", .text("fc-area \(ChartPalette.fill(s))"))],
                        tooltip: line.seriesTooltip(s, format: plot.format)
                    )
                }
            }
        }
        line.drawLines(in: plot, into: &svg)
        line.drawLabels(in: plot, into: &svg)
    }

    func summary(format: NumberFormat, words: ChartWords) -> String { line.summary(format: format, words: words) }
}
