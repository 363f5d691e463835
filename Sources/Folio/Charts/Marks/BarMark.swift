import FolioFormat

/// `bar` and `hbar`: one series, one bar per category from zero; losses in the negative colour.
struct BarMark: ChartMark {
    let data: ChartData
    let isHorizontal: Bool

    init(data: ChartData, horizontal: Bool) {
        self.data = data
        self.isHorizontal = horizontal
    }

    private var values: [Double?] { data.series.first?.values ?? data.categories.map { _ in nil } }

    var bands: [String] { data.categories }
    var includesZero: Bool { true }

    var extent: (lower: Double, upper: Double)? {
        let present = values.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else { return nil }
        return (low, high)
    }

    func ends(_ index: Int) -> (low: Double, high: Double)? { values[index].map { (min($0, 0), max($0, 0)) } }

    func valueLabels(_ index: Int, format: NumberFormat) -> (high: String?, low: String?) {
        guard let v = values[index] else { return (nil, nil) }
        let text = format.format(v)
        return v < 0 ? (nil, text) : (text, nil)
    }

    func draw(in plot: Plot, into svg: inout SVGWriter) {
        // Horizontal rows grow with wrapped names; the bars stay slim and centred.
        let thickness = plot.isHorizontal ? min(plot.band.bandwidth, 24) : plot.band.bandwidth
        svg.group("g", [("class", .text("fc-bars"))]) { svg in
            for (index, value) in values.enumerated() {
                guard let value else { continue }
                let start = plot.band.center(index) - thickness / 2
                let rect = plot.bar(start: start, thickness: thickness, from: 0, to: value)
                let colour = value < 0 ? "fc-fill-negative" : "fc-fill-1"
                let tooltip = MarkTooltip.text(data, series: 0, category: index, format: plot.format) ?? ""
                svg.mark("rect", rect.attributes + [("class", .text("fc-bar \(colour)"))], tooltip: tooltip)
            }
        }
        guard plot.labels else { return }
        svg.group("g", [("class", .text("fc-labels"))]) { svg in
            for (index, value) in values.enumerated() {
                // A missing value is a dash at the zero line, so an empty band does not read as zero.
                plot.drawLabel(
                    value.map { plot.format.format($0) } ?? "\u{2013}", at: plot.band.center(index), value: value ?? 0,
                    below: (value ?? 0) < 0, room: plot.isHorizontal ? thickness : plot.band.step - 2, into: &svg
                )
            }
        }
    }

    func summary(format: NumberFormat, words: ChartWords) -> String {
        ChartSummary.series(
            data.series.first ?? ChartSeries(name: "", values: []), categories: data.categories, format: format, words: words)
    }
}
