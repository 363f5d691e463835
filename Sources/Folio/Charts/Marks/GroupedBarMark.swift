import FolioFormat

/// `grouped-bar`: one bar per series side by side within each category; a legend names them.
struct GroupedBarMark: ChartMark {
    let data: ChartData
    /// Vertical by default; the phone layout turns it when category names cannot fit.
    var isHorizontal = false
    var bands: [String] { data.categories }
    var includesZero: Bool { true }
    var maxBandwidth: Double { 48 * Double(max(1, data.series.count)) }

    var extent: (lower: Double, upper: Double)? {
        let values = data.allValues
        guard let low = values.min(), let high = values.max() else { return nil }
        return (low, high)
    }

    var legend: [LegendItem] {
        data.series.count > 1
            ? data.series.enumerated().map { LegendItem(name: $1.name, colorClass: ChartPalette.fill($0)) } : []
    }

    func ends(_ index: Int) -> (low: Double, high: Double)? {
        let values = data.series.indices.compactMap { data.value($0, index) }
        guard let low = values.min(), let high = values.max() else { return nil }
        return (min(low, 0), max(high, 0))
    }

    func valueLabels(_ index: Int, format: NumberFormat) -> (high: String?, low: String?) {
        let values = data.series.indices.compactMap { data.value($0, index) }
        let high = values.filter { $0 >= 0 }.max().map(format.format)
        let low = values.filter { $0 < 0 }.min().map(format.format)
        return (high, low)
    }

    func draw(in plot: Plot, into svg: inout SVGWriter) {
        let count = Double(max(1, data.series.count))
        let gap = min(2, plot.band.bandwidth / count * 0.1)
        let thickness = max(0.5, (plot.band.bandwidth - gap * (count - 1)) / count)
        func start(_ c: Int, _ s: Int) -> Double { plot.band.position(c) + Double(s) * (thickness + gap) }
        for s in data.series.indices {
            svg.group("g", [("class", .text("fc-bars"))]) { svg in
                for c in data.categories.indices {
                    guard let v = data.value(s, c) else { continue }
                    let rect = plot.bar(start: start(c, s), thickness: thickness, from: 0, to: v)
                    let tooltip = MarkTooltip.text(data, series: s, category: c, format: plot.format) ?? ""
                    svg.mark("rect", rect.attributes + [("class", .text("fc-bar \(ChartPalette.fill(s))"))], tooltip: tooltip)
                }
            }
        }
        guard plot.labels else { return }
        // Labels may be wider than their bar; each is kept only if it clears every bar and label.
        var taken: [(rect: Rect, series: Int, category: Int)] = []
        for s in data.series.indices {
            for c in data.categories.indices {
                guard let v = data.value(s, c) else { continue }
                taken.append((plot.bar(start: start(c, s), thickness: thickness, from: 0, to: v), s, c))
            }
        }
        var placed: [Rect] = []
        svg.group("g", [("class", .text("fc-labels"))]) { svg in
            for c in data.categories.indices {
                for s in data.series.indices {
                    guard let v = data.value(s, c) else { continue }
                    let text = plot.format.format(v)
                    guard
                        let anchor = plot.labelAnchor(
                            text, at: start(c, s) + thickness / 2, value: v, below: v < 0, room: plot.band.step - 4
                        )
                    else { continue }
                    let box = plot.labelBox(text, at: anchor)
                    let clashes =
                        taken.contains { !($0.series == s && $0.category == c) && $0.rect.overlaps(box) }
                        || placed.contains { $0.overlaps(box, margin: 3) }
                    guard !clashes else { continue }
                    placed.append(box)
                    plot.drawLabel(text, at: start(c, s) + thickness / 2, value: v, below: v < 0, room: .infinity, into: &svg)
                }
            }
        }
    }

    func summary(format: NumberFormat, words: ChartWords) -> String { ChartSummary.multiple(data, format: format, words: words) }
}
