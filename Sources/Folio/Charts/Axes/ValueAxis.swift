import FolioFormat

/// The value axis: nice ticks, their labels in the chart's format, light gridlines.
/// Drawn like any other mark, before the data marks so they sit on top.
struct ValueAxis: Sendable {
    let ticks: NiceTicks
    let labels: [String]

    init(ticks: NiceTicks, format: NumberFormat) {
        self.ticks = ticks
        self.labels = Self.labels(ticks.values, format: format)
    }

    /// Tick labels in the chart's format, with more decimals when rounding would repeat one.
    static func labels(_ values: [Double], format: NumberFormat) -> [String] {
        let plain = values.map(format.format)
        guard Set(plain).count < plain.count else { return plain }
        for decimals in 1...3 {
            var precise = format
            precise.decimals = decimals
            let labels = values.map(precise.format)
            if Set(labels).count == labels.count { return labels }
        }
        return plain
    }

    /// The widest tick label.
    var labelWidth: Double { labels.map { TextMetrics.width($0, size: ChartCanvas.labelSize) }.max() ?? 0 }

    /// Horizontal gridlines across the plot and labels right-aligned left of it.
    func drawVertical(_ plot: Plot, into svg: inout SVGWriter) {
        svg.group("g", [("class", .text("fc-axis"))]) { svg in
            for (tick, label) in zip(ticks.values, labels) {
                let y = plot.value(tick)
                if tick != 0 {
                    svg.element(
                        "line",
                        [
                            ("x1", .number(plot.left)), ("y1", .number(y)), ("x2", .number(plot.right)),
                            ("y2", .number(y)), ("class", .text("fc-grid")),
                        ]
                    )
                }
                svg.element(
                    "text",
                    [
                        ("x", .number(plot.left - 8)), ("y", .number(y + ChartCanvas.labelSize * 0.35)),
                        ("class", .text("fc-tick")), ("text-anchor", .text("end")),
                    ],
                    text: label
                )
            }
        }
    }

    /// Vertical gridlines down the plot and labels centred above it at `labelBaseline`.
    func drawHorizontal(_ plot: Plot, labelBaseline: Double, into svg: inout SVGWriter) {
        svg.group("g", [("class", .text("fc-axis"))]) { svg in
            for (tick, label) in zip(ticks.values, labels) {
                let x = plot.value(tick)
                if tick != 0 {
                    svg.element(
                        "line",
                        [
                            ("x1", .number(x)), ("y1", .number(plot.top)), ("x2", .number(x)),
                            ("y2", .number(plot.bottom)), ("class", .text("fc-grid")),
                        ]
                    )
                }
                svg.element(
                    "text",
                    [
                        ("x", .number(x)), ("y", .number(labelBaseline)), ("class", .text("fc-tick")),
                        ("text-anchor", .text("middle")),
                    ],
                    text: label
                )
            }
        }
    }

    /// The zero line, drawn over the marks' bases; heavier when negatives sit below it.
    func drawZero(_ plot: Plot, into svg: inout SVGWriter) {
        guard ticks.lower <= 0, ticks.upper >= 0 else { return }
        let strong = ticks.lower < 0
        let at = plot.value(0)
        let ends = plot.isHorizontal ? (at, plot.top, at, plot.bottom) : (plot.left, at, plot.right, at)
        svg.element(
            "line",
            [
                ("x1", .number(ends.0)), ("y1", .number(ends.1)), ("x2", .number(ends.2)), ("y2", .number(ends.3)),
                ("class", .text(strong ? "fc-zero fc-zero-strong" : "fc-zero")),
            ]
        )
    }
}
