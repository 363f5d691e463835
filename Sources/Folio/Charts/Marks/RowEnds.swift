import FolioFormat

/// What `dot` and `arrow` share: each row's values lie on one line; the lowest is labelled left of
/// its mark and the highest right of it, and the series are named once, over the first row.
enum RowEnds {
    /// The lowest and highest present value of series `series` in category `c`.
    static func ends(_ data: ChartData, series: Range<Int>, category c: Int) -> (low: Double, high: Double)? {
        let values = series.compactMap { data.value($0, c) }
        guard let low = values.min(), let high = values.max() else { return nil }
        return (low, high)
    }

    /// Label texts for the layout's room: the highest right of the row, the lowest left (when it differs).
    static func labels(_ ends: (low: Double, high: Double)?, format: NumberFormat) -> (high: String?, low: String?) {
        guard let ends else { return (nil, nil) }
        return (format.format(ends.high), ends.low < ends.high ? format.format(ends.low) : nil)
    }

    /// Draws each row's end labels `inset` beyond its lowest and highest mark, with a halo.
    static func drawValueLabels(
        _ rows: [(category: Int, ends: (low: Double, high: Double))], inset: Double, plot: Plot, into svg: inout SVGWriter
    ) {
        guard plot.labels else { return }
        svg.group("g", [("class", .text("fc-labels"))]) { svg in
            for row in rows {
                let y = plot.band.center(row.category) + ChartCanvas.labelSize * 0.35
                let texts = labels(row.ends, format: plot.format)
                if let low = texts.low {
                    svg.element(
                        "text",
                        [
                            ("x", .number(plot.value(row.ends.low) - inset)), ("y", .number(y)),
                            ("class", .text("fc-label fc-halo")), ("text-anchor", .text("end")),
                        ],
                        text: low
                    )
                }
                if let high = texts.high {
                    svg.element(
                        "text",
                        [
                            ("x", .number(plot.value(row.ends.high) + inset)), ("y", .number(y)),
                            ("class", .text("fc-label fc-halo")), ("text-anchor", .text("start")),
                        ],
                        text: high
                    )
                }
            }
        }
    }

    /// The room over the first row that series names take.
    static let nameRoom = ChartCanvas.lineHeight(ChartCanvas.labelSize) + 2

    /// Names each series once, over its mark in the first row (`marks`: name, x, colour slot).
    /// The leftmost name ends at its mark and the rightmost starts at it, so two never overlap;
    /// a middle name that would touch another is left out (the table and tooltips still name it).
    static func drawSeriesNames(_ marks: [(name: String, x: Double, series: Int)], radius: Double, plot: Plot, into svg: inout SVGWriter) {
        let size = ChartCanvas.labelSize
        let sorted = marks.sorted { $0.x < $1.x }
        guard sorted.count > 1, let first = sorted.first, let last = sorted.last else { return }
        let middle = (first.x + last.x) / 2
        let baseline = plot.top - 5
        var placed: [(text: String, series: Int, x: Double, anchor: String, box: Rect)] = []
        func box(_ text: String, x: Double, anchor: String) -> Rect {
            let width = TextMetrics.width(text, size: size)
            let left = anchor == "end" ? x - width : anchor == "middle" ? x - width / 2 : x
            return Rect(x: left, y: baseline - size * 0.8, width: width, height: size)
        }
        let leftWidth = TextMetrics.width(first.name, size: size)
        let leftEnd = max(leftWidth, min(first.x + radius, middle - 6))
        placed.append((first.name, first.series, leftEnd, "end", box(first.name, x: leftEnd, anchor: "end")))
        let rightWidth = TextMetrics.width(last.name, size: size)
        let rightStart = min(plot.canvas.width - rightWidth, max(last.x - radius, middle + 6))
        placed.append((last.name, last.series, rightStart, "start", box(last.name, x: rightStart, anchor: "start")))
        for mark in sorted.dropFirst().dropLast() {
            let candidate = box(mark.name, x: mark.x, anchor: "middle")
            guard !placed.contains(where: { $0.box.overlaps(candidate, margin: 4) }) else { continue }
            placed.append((mark.name, mark.series, mark.x, "middle", candidate))
        }
        svg.group("g", [("class", .text("fc-series-names"))]) { svg in
            for name in placed.sorted(by: { $0.series < $1.series }) {
                svg.element(
                    "text",
                    [
                        ("x", .number(name.x)), ("y", .number(baseline)),
                        ("class", .text("fc-series-name fc-halo \(ChartPalette.text(name.series))")),
                        ("text-anchor", .text(name.anchor)),
                    ],
                    text: name.text
                )
            }
        }
    }
}
