import FolioFormat

/// `stacked-bar`: series stacked per category; positive parts grow up from zero, negative
/// parts stack down below it. Labels show each stack's net total.
struct StackedBarMark: ChartMark {
    let data: ChartData
    /// Vertical by default; the phone layout turns it when category names cannot fit.
    var isHorizontal = false
    var bands: [String] { data.categories }
    var includesZero: Bool { true }

    /// The (from, to) of series `s` in category `c`, stacking positives up and negatives down.
    private func segments(_ c: Int) -> [(series: Int, from: Double, to: Double)] {
        var up = 0.0
        var down = 0.0
        var result: [(Int, Double, Double)] = []
        for s in data.series.indices {
            guard let v = data.value(s, c), v != 0 else { continue }
            if v > 0 {
                result.append((s, up, Self.clamped(up + v)))
                up = Self.clamped(up + v)
            } else {
                result.append((s, down, Self.clamped(down + v)))
                down = Self.clamped(down + v)
            }
        }
        return result
    }

    private func stackEnds(_ c: Int) -> (low: Double, high: Double)? {
        let parts = segments(c)
        guard data.series.indices.contains(where: { data.value($0, c) != nil }) else { return nil }
        return (parts.map(\.to).min().map { min($0, 0) } ?? 0, parts.map(\.to).max().map { max($0, 0) } ?? 0)
    }

    private func net(_ c: Int) -> Double? {
        let values = data.series.indices.compactMap { data.value($0, c) }
        return values.isEmpty ? nil : Self.clamped(values.reduce(0, +))
    }

    /// Sums of the largest doubles stay finite.
    private static func clamped(_ v: Double) -> Double {
        v.isFinite ? v : (v > 0 ? Double.greatestFiniteMagnitude : -Double.greatestFiniteMagnitude)
    }

    var extent: (lower: Double, upper: Double)? {
        let ends = data.categories.indices.compactMap(stackEnds)
        guard !ends.isEmpty else { return nil }
        return (ends.map(\.low).min() ?? 0, ends.map(\.high).max() ?? 0)
    }

    var legend: [LegendItem] {
        data.series.count > 1
            ? data.series.enumerated().map { LegendItem(name: $1.name, colorClass: ChartPalette.fill($0)) } : []
    }

    func ends(_ index: Int) -> (low: Double, high: Double)? { stackEnds(index) }

    func valueLabels(_ index: Int, format: NumberFormat) -> (high: String?, low: String?) {
        guard let total = net(index) else { return (nil, nil) }
        return total < 0 ? (nil, format.format(total)) : (format.format(total), nil)
    }

    func draw(in plot: Plot, into svg: inout SVGWriter) {
        let thickness = plot.band.bandwidth
        svg.group("g", [("class", .text("fc-bars"))]) { svg in
            for c in data.categories.indices {
                for part in segments(c) {
                    let rect = plot.bar(start: plot.band.position(c), thickness: thickness, from: part.from, to: part.to)
                    svg.mark(
                        "rect", rect.attributes + [("class", .text("fc-bar fc-stacked \(ChartPalette.fill(part.series))"))],
                        tooltip: MarkTooltip.text(data, series: part.series, category: c, format: plot.format) ?? ""
                    )
                }
            }
        }
        guard plot.labels else { return }
        svg.group("g", [("class", .text("fc-labels"))]) { svg in
            for c in data.categories.indices {
                guard let total = net(c), let ends = stackEnds(c) else { continue }
                plot.drawLabel(
                    plot.format.format(total), at: plot.band.center(c), value: total < 0 ? ends.low : ends.high,
                    below: total < 0, room: plot.band.step - 2, into: &svg
                )
            }
        }
    }

    func summary(format: NumberFormat, words: ChartWords) -> String {
        let totals = data.categories.indices.compactMap { c in net(c).map { "\(data.categories[c]) \(format.format($0))" } }
        guard !totals.isEmpty else { return words.noData }
        return words.totals + ChartSummary.list(totals, words: words) + words.sentenceEnd + words.sentenceGap
            + ChartSummary.multiple(data, format: format, words: words)
    }
}
