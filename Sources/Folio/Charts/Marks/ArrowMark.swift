import FolioFormat

/// `arrow`: per category an arrow from the first value (`from`) to the second (`to`), on one row.
/// The head's shape shows the direction without colour; the tail's value is labelled on its
/// side and the head's on the other, and both columns are named once, over the first row.
struct ArrowMark: ChartMark {
    let data: ChartData

    static let headLength = 11.0
    static let headHalfWidth = 6.5

    var isHorizontal: Bool { true }
    var bands: [String] { data.categories }
    /// Positions, not lengths: the axis may start near the values, as a line's may.
    var includesZero: Bool { false }
    var leadRoom: Double { RowEnds.nameRoom }

    var extent: (lower: Double, upper: Double)? {
        let values = data.allValues
        guard let low = values.min(), let high = values.max() else { return nil }
        return (low, high)
    }

    /// The tail and head values of category `c`, when both are present.
    func arrow(_ c: Int) -> (from: Double, to: Double)? {
        guard let from = data.value(0, c), let to = data.value(1, c) else { return nil }
        return (from, to)
    }

    /// Nil unless both values are present: half an arrow is not drawn (the table shows the value).
    func ends(_ index: Int) -> (low: Double, high: Double)? {
        arrow(index).map { (min($0.from, $0.to), max($0.from, $0.to)) }
    }

    func valueLabels(_ index: Int, format: NumberFormat) -> (high: String?, low: String?) {
        RowEnds.labels(ends(index), format: format)
    }

    func tooltip(_ c: Int, format: NumberFormat) -> String {
        let names = data.series.map(\.name).joined(separator: " \u{2192} ")
        let values = [data.value(0, c), data.value(1, c)].map { $0.map(format.format) ?? "\u{2013}" }
        return MarkTooltip.text(category: data.categories[c], series: names, value: values.joined(separator: " \u{2192} "))
    }

    func draw(in plot: Plot, into svg: inout SVGWriter) {
        svg.group("g", [("class", .text("fc-arrows"))]) { svg in
            for c in data.categories.indices {
                guard let arrow = arrow(c) else { continue }
                drawArrow(arrow, at: plot.band.center(c), tooltip: tooltip(c, format: plot.format), plot: plot, into: &svg)
            }
        }
        let rows = data.categories.indices.compactMap { c in ends(c).map { (category: c, ends: $0) } }
        RowEnds.drawValueLabels(rows, inset: 6, plot: plot, into: &svg)
        guard let first = data.categories.indices.first(where: { arrow($0) != nil }), let ends = arrow(first) else { return }
        let names = [(data.series[0].name, ends.from, 0), (data.series[1].name, ends.to, 1)]
        RowEnds.drawSeriesNames(names.map { (name: $0.0, x: plot.value($0.1), series: $0.2) }, radius: 0, plot: plot, into: &svg)
    }

    /// A shaft from the tail to the head's base and a triangular head whose tip is at `to`; a dot when they are equal.
    private func drawArrow(
        _ arrow: (from: Double, to: Double), at y: Double, tooltip: String, plot: Plot, into svg: inout SVGWriter
    ) {
        let tail = plot.value(arrow.from)
        let tip = plot.value(arrow.to)
        guard tail != tip else {
            svg.mark(
                "circle", [("cx", .number(tip)), ("cy", .number(y)), ("r", .number(5)), ("class", .text("fc-arrow-point fc-fill-1"))],
                tooltip: tooltip
            )
            return
        }
        let direction: Double = tip > tail ? 1 : -1
        let base = tip - direction * min(Self.headLength, abs(tip - tail))
        if abs(base - tail) > 0.5 {
            svg.mark(
                "line",
                [
                    ("x1", .number(tail)), ("y1", .number(y)), ("x2", .number(base)), ("y2", .number(y)),
                    ("class", .text("fc-arrow-shaft fc-stroke-1")),
                ],
                tooltip: tooltip
            )
        }
        let head = SVGPath.polyline(
            [(tip, y), (base, y - Self.headHalfWidth), (base, y + Self.headHalfWidth)], closed: true
        )
        svg.mark("path", [("d", .text(head)), ("class", .text("fc-arrow-head fc-fill-1"))], tooltip: tooltip)
    }

    func summary(format: NumberFormat, words: ChartWords) -> String {
        let names = data.series.map(\.name)
        let items = data.categories.indices.compactMap { c -> String? in
            guard let arrow = arrow(c) else { return nil }
            return ChartWords.fill(words.arrowItem, data.categories[c], format.format(arrow.from), format.format(arrow.to))
        }
        guard !items.isEmpty, names.count == 2 else { return words.noData }
        return ChartWords.fill(words.fromTo, names[0], names[1], ChartSummary.list(items, clauses: true, words: words))
    }
}
