import FolioFormat

/// `waterfall`: each change floats from the running total before it to the total after it;
/// an optional end bar shows the total from zero. Increases and decreases differ in colour
/// and in the sign of their labels.
struct WaterfallMark: ChartMark {
    let data: ChartData
    let total: String?
    /// Vertical by default; the phone layout turns it when category names cannot fit.
    let isHorizontal: Bool

    init(data: ChartData, total: String?, horizontal: Bool = false) {
        self.data = data
        self.total = total
        self.isHorizontal = horizontal
    }
    var includesZero: Bool { true }
    var bands: [String] { data.categories + (total.map { [$0] } ?? []) }

    private var changes: [Double?] { data.series.first?.values ?? data.categories.map { _ in nil } }

    /// The running total before and after each step.
    private var steps: [(before: Double, after: Double, change: Double?)] {
        var running = 0.0
        return changes.map { change in
            let before = running
            if let change {
                let next = running + change
                running = next.isFinite ? next : (next > 0 ? .greatestFiniteMagnitude : -.greatestFiniteMagnitude)
            }
            return (before, running, change)
        }
    }

    private var finalTotal: Double { steps.last?.after ?? 0 }
    private func isTotal(_ index: Int) -> Bool { total != nil && index == data.categories.count }

    var extent: (lower: Double, upper: Double)? {
        guard changes.contains(where: { $0 != nil }) else { return nil }
        let totals = steps.flatMap { [$0.before, $0.after] }
        return (totals.min() ?? 0, totals.max() ?? 0)
    }

    func ends(_ index: Int) -> (low: Double, high: Double)? {
        if isTotal(index) { return (min(0, finalTotal), max(0, finalTotal)) }
        let step = steps[index]
        guard step.change != nil else { return nil }
        return (min(step.before, step.after), max(step.before, step.after))
    }

    /// A change's label, always signed (`+$5M`); a `FORMAT+` format adds the `+` itself.
    static func signed(_ value: Double, _ format: NumberFormat) -> String {
        value > 0 && !format.showsPlus ? "+" + format.format(value) : format.format(value)
    }

    func valueLabels(_ index: Int, format: NumberFormat) -> (high: String?, low: String?) {
        if isTotal(index) {
            let text = format.format(finalTotal)
            return finalTotal < 0 ? (nil, text) : (text, nil)
        }
        guard let change = steps[index].change else { return (nil, nil) }
        let text = Self.signed(change, format)
        return change < 0 ? (nil, text) : (text, nil)
    }

    func draw(in plot: Plot, into svg: inout SVGWriter) {
        let thickness = plot.band.bandwidth
        let steps = steps
        svg.group("g", [("class", .text("fc-connectors"))]) { svg in
            for index in bands.indices.dropLast() {
                let level = index < steps.count ? steps[index].after : finalTotal
                let from = plot.point(plot.band.position(index) + thickness, level)
                let to = plot.point(plot.band.position(index + 1), level)
                svg.element(
                    "line",
                    [
                        ("x1", .number(from.x)), ("y1", .number(from.y)), ("x2", .number(to.x)), ("y2", .number(to.y)),
                        ("class", .text("fc-connector")),
                    ]
                )
            }
        }
        svg.group("g", [("class", .text("fc-bars"))]) { svg in
            for (index, step) in steps.enumerated() {
                guard let change = step.change else { continue }
                let rect = plot.bar(start: plot.band.position(index), thickness: thickness, from: step.before, to: step.after)
                let colour = change < 0 ? "fc-fill-negative" : "fc-fill-1"
                let tooltip = MarkTooltip.text(
                    category: data.categories[index], series: data.series.first?.name, value: Self.signed(change, plot.format)
                )
                svg.mark("rect", rect.attributes + [("class", .text("fc-bar \(colour)"))], tooltip: tooltip)
            }
            if total != nil {
                let rect = plot.bar(
                    start: plot.band.position(steps.count), thickness: thickness, from: 0, to: finalTotal
                )
                let tooltip = MarkTooltip.text(category: total ?? "", series: nil, value: plot.format.format(finalTotal))
                svg.mark("rect", rect.attributes + [("class", .text("fc-bar fc-fill-total"))], tooltip: tooltip)
            }
        }
        guard plot.labels else { return }
        svg.group("g", [("class", .text("fc-labels"))]) { svg in
            for index in bands.indices {
                guard let ends = ends(index) else { continue }
                let texts = valueLabels(index, format: plot.format)
                let below = texts.high == nil
                guard let text = texts.high ?? texts.low else { continue }
                plot.drawLabel(
                    text, at: plot.band.center(index), value: below ? ends.low : ends.high, below: below,
                    room: plot.band.step - 2, into: &svg
                )
            }
        }
    }

    func summary(format: NumberFormat, words: ChartWords) -> String {
        let present = ChartSummary.points(
            ChartSeries(name: "", values: changes), categories: data.categories
        )
        guard let first = present.first else { return words.noData }
        let reached = format.format(finalTotal) + (total.map { " (\($0))" } ?? "")
        var text = ChartWords.fill(words.runningTotal, first.category, Self.signed(first.value, format), reached)
        if let rise = present.max(by: { $0.value < $1.value }), rise.value > 0 {
            text += words.sentenceGap + ChartWords.fill(words.largestIncrease, rise.category, Self.signed(rise.value, format))
        }
        if let fall = present.min(by: { $0.value < $1.value }), fall.value < 0 {
            text += words.sentenceGap + ChartWords.fill(words.largestDecrease, fall.category, format.format(fall.value))
        }
        return text
    }
}
