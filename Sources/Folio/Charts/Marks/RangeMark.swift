import FolioFormat

/// `range`: per category a bar from low to high (Meta's $60–65B), or a point where they are
/// equal (Microsoft's $80B). Horizontal, so long names read naturally.
struct RangeMark: ChartMark {
    let data: ChartData

    var isHorizontal: Bool { true }
    var bands: [String] { data.categories }
    var includesZero: Bool { true }

    /// Low and high of category `c`; a single present bound stands for both.
    func bounds(_ c: Int) -> (low: Double, high: Double)? {
        let values = [data.value(0, c), data.value(1, c)].compactMap { $0 }
        guard let low = values.min(), let high = values.max() else { return nil }
        return (low, high)
    }

    var extent: (lower: Double, upper: Double)? {
        let all = data.categories.indices.compactMap(bounds)
        guard !all.isEmpty else { return nil }
        return (all.map(\.low).min() ?? 0, all.map(\.high).max() ?? 0)
    }

    func ends(_ index: Int) -> (low: Double, high: Double)? { bounds(index) }

    func text(_ c: Int, format: NumberFormat) -> String? {
        guard let b = bounds(c) else { return nil }
        return b.low == b.high ? format.format(b.low) : format.formatRange(b.low, b.high)
    }

    func valueLabels(_ index: Int, format: NumberFormat) -> (high: String?, low: String?) {
        guard let b = bounds(index), let text = text(index, format: format) else { return (nil, nil) }
        return b.high < 0 ? (nil, text) : (text, nil)
    }

    /// The diameter of a point and the thickness of a range; a range is a capsule whose centre
    /// line runs from low to high, so it is always longer than a point by exactly its span.
    static let thickness = 12.0

    func draw(in plot: Plot, into svg: inout SVGWriter) {
        let thickness = min(Self.thickness, plot.band.bandwidth)
        let radius = thickness / 2
        svg.group("g", [("class", .text("fc-ranges"))]) { svg in
            for c in data.categories.indices {
                guard let b = bounds(c) else { continue }
                let centre = plot.band.center(c)
                let tooltip = MarkTooltip.text(category: data.categories[c], series: nil, value: text(c, format: plot.format) ?? "")
                if b.low == b.high {
                    let point = plot.point(centre, b.low)
                    svg.mark(
                        "circle",
                        [
                            ("cx", .number(point.x)), ("cy", .number(point.y)), ("r", .number(radius)),
                            ("class", .text("fc-range-point fc-fill-1")),
                        ],
                        tooltip: tooltip
                    )
                    continue
                }
                var rect = plot.bar(start: centre - radius, thickness: thickness, from: b.low, to: b.high)
                rect.x -= radius
                rect.width += thickness
                svg.mark(
                    "rect", rect.attributes + [("rx", .number(radius)), ("class", .text("fc-range fc-fill-1"))], tooltip: tooltip
                )
            }
        }
        guard plot.labels else { return }
        svg.group("g", [("class", .text("fc-labels"))]) { svg in
            for c in data.categories.indices {
                guard let b = bounds(c), let text = text(c, format: plot.format) else { continue }
                let below = b.high < 0
                let end = plot.value(below ? b.low : b.high)
                svg.element(
                    "text",
                    [
                        ("x", .number(below ? end - 6 - radius : end + 6 + radius)),
                        ("y", .number(plot.band.center(c) + ChartCanvas.labelSize * 0.35)),
                        ("class", .text("fc-label fc-halo")), ("text-anchor", .text(below ? "end" : "start")),
                    ],
                    text: text
                )
            }
        }
    }

    func summary(format: NumberFormat, words: ChartWords) -> String {
        let items = data.categories.indices.compactMap { c in text(c, format: format).map { "\(data.categories[c]) \($0)" } }
        guard !items.isEmpty else { return ChartSummary.noData(words) }
        return ChartSummary.list(items, words: words) + words.sentenceEnd
    }
}
