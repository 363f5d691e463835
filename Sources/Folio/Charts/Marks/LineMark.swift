import FolioFormat

/// `line`: one line per series through the category centres, broken where values are missing;
/// with several series, each is named at its end instead of in a legend.
struct LineMark: ChartMark {
    let data: ChartData

    var isHorizontal: Bool { false }
    var bands: [String] { data.categories }
    var includesZero: Bool { false }

    var extent: (lower: Double, upper: Double)? {
        let values = data.allValues
        guard let low = values.min(), let high = values.max() else { return nil }
        return (low, high)
    }

    func ends(_ index: Int) -> (low: Double, high: Double)? {
        let values = data.series.indices.compactMap { data.value($0, index) }
        guard let low = values.min(), let high = values.max() else { return nil }
        return (low, high)
    }

    func valueLabels(_ index: Int, format: NumberFormat) -> (high: String?, low: String?) {
        guard data.series.count == 1, let v = data.value(0, index) else { return (nil, nil) }
        return (format.format(v), nil)
    }

    func trailingLabelTexts(format: NumberFormat, labels: Bool) -> [String] {
        data.series.indices.compactMap { endLabel($0, format: format, labels: labels) }
    }

    /// The text at the end of series `s`: its name (and last value with labels), or with a single
    /// series only the last value.
    func endLabel(_ s: Int, format: NumberFormat, labels: Bool) -> String? {
        guard let last = lastIndex(s), let v = data.value(s, last) else { return nil }
        if data.series.count == 1 { return labels ? format.format(v) : nil }
        return labels ? "\(data.series[s].name) \(format.format(v))" : data.series[s].name
    }

    func lastIndex(_ s: Int) -> Int? { data.categories.indices.last { data.value(s, $0) != nil } }

    /// Runs of consecutive present values of series `s`, as points.
    func runs(_ s: Int, in plot: Plot) -> [[(x: Double, y: Double)]] {
        indexedRuns(s, in: plot).map { $0.map(\.point) }
    }

    /// Runs of consecutive present values of series `s`, each point with its category index.
    func indexedRuns(_ s: Int, in plot: Plot) -> [[(category: Int, point: (x: Double, y: Double))]] {
        var runs: [[(category: Int, point: (x: Double, y: Double))]] = []
        var current: [(category: Int, point: (x: Double, y: Double))] = []
        for c in data.categories.indices {
            if let v = data.value(s, c) {
                current.append((c, plot.point(plot.band.center(c), v)))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// The tooltip of a whole series' path: its name and latest value.
    func seriesTooltip(_ s: Int, format: NumberFormat) -> String {
        guard let last = lastIndex(s) else { return data.series[s].name }
        return MarkTooltip.text(data, series: s, category: last, format: format) ?? data.series[s].name
    }

    func draw(in plot: Plot, into svg: inout SVGWriter) {
        drawLines(in: plot, into: &svg)
        drawLabels(in: plot, into: &svg)
    }

    func drawLines(in plot: Plot, into svg: inout SVGWriter) {
        let showPoints = data.categories.count <= 24
        for s in data.series.indices {
            let colour = ChartPalette.stroke(s)
            svg.group("g", [("class", .text("fc-series"))]) { svg in
                for run in indexedRuns(s, in: plot) {
                    if run.count > 1 {
                        svg.mark(
                            "path", [("d", .text(SVGPath.polyline(run.map(\.point)))), ("class", .text("fc-line \(colour)"))],
                            tooltip: seriesTooltip(s, format: plot.format)
                        )
                    }
                    guard showPoints || run.count == 1 else { continue }
                    for (c, point) in run {
                        svg.mark(
                            "circle",
                            [
                                ("cx", .number(point.x)), ("cy", .number(point.y)), ("r", .number(3.5)),
                                ("class", .text("fc-point \(ChartPalette.fill(s))")),
                            ],
                            tooltip: MarkTooltip.text(data, series: s, category: c, format: plot.format) ?? ""
                        )
                    }
                }
            }
        }
    }

    func drawLabels(in plot: Plot, into svg: inout SVGWriter) {
        // Point labels for a single series: all of them or, when they cannot all fit, none
        // (the last value is still named at the line's end).
        let pointLabels = data.categories.indices.compactMap { c -> (Int, Double, String)? in
            guard c != lastIndex(0), let v = data.value(0, c) else { return nil }
            return (c, v, plot.format.format(v))
        }
        let allFit = pointLabels.allSatisfy { TextMetrics.width($0.2, size: ChartCanvas.labelSize) <= plot.band.step - 4 }
        if plot.labels, data.series.count == 1, allFit {
            svg.group("g", [("class", .text("fc-labels"))]) { svg in
                for (c, v, text) in pointLabels {
                    plot.drawLabel(text, at: plot.band.center(c), value: v, below: false, room: .infinity, into: &svg)
                }
            }
        }
        drawEndLabels(in: plot, into: &svg)
    }

    /// Series names at the line ends, nudged apart vertically so they never overlap.
    private func drawEndLabels(in plot: Plot, into svg: inout SVGWriter) {
        let size = ChartCanvas.labelSize
        let lineHeight = plot.canvas.labelLine
        var items: [(series: Int, lines: [String], x: Double, y: Double)] = []
        for s in data.series.indices {
            guard let text = endLabel(s, format: plot.format, labels: plot.labels), let last = lastIndex(s),
                let v = data.value(s, last)
            else { continue }
            let lines = TextWrap.lines(text, width: plot.trailingWidth, size: size, maxLines: 2, bold: true)
            let point = plot.point(plot.band.center(last), v)
            items.append((s, lines, point.x + 8, point.y))
        }
        guard !items.isEmpty else { return }
        let placed = LabelDodge.spread(
            items.map { (centre: $0.y, height: Double($0.lines.count) * lineHeight) }, within: plot.top...plot.bottom
        )
        svg.group("g", [("class", .text("fc-end-labels"))]) { svg in
            for (item, centre) in zip(items, placed) {
                let height = Double(item.lines.count) * lineHeight
                let baseline = centre - height / 2 + size * 0.85
                svg.text(
                    item.lines, x: item.x, y: baseline, lineHeight: lineHeight,
                    [("class", .text("fc-end fc-halo \(ChartPalette.text(item.series))"))]
                )
            }
        }
    }

    func summary(format: NumberFormat, words: ChartWords) -> String {
        data.series.count == 1
            ? ChartSummary.series(data.series[0], categories: data.categories, format: format, words: words)
            : ChartSummary.multiple(data, format: format, words: words)
    }
}
