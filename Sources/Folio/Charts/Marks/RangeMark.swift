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

    func draw(in plot: Plot, into svg: inout SVGWriter) {
        let thickness = min(14, plot.band.bandwidth)
        svg.group("g", [("class", .text("fc-ranges"))]) { svg in
            for c in data.categories.indices {
                guard let b = bounds(c) else { continue }
                let centre = plot.band.center(c)
                if plot.value(b.high) - plot.value(b.low) < thickness {
                    let point = plot.point(centre, (b.low + b.high) / 2)
                    svg.element(
                        "circle",
                        [
                            ("cx", .number(point.x)), ("cy", .number(point.y)), ("r", .number(thickness / 2)),
                            ("class", .text("fc-range-point fc-fill-1")),
                        ]
                    )
                    continue
                }
                let rect = plot.bar(start: centre - thickness / 2, thickness: thickness, from: b.low, to: b.high)
                svg.element(
                    "rect", rect.attributes + [("rx", .number(thickness / 2)), ("class", .text("fc-range fc-fill-1"))]
                )
            }
        }
        guard plot.labels else { return }
        svg.group("g", [("class", .text("fc-labels"))]) { svg in
            for c in data.categories.indices {
                guard let b = bounds(c), let text = text(c, format: plot.format) else { continue }
                let centre = plot.band.center(c)
                let below = b.high < 0
                let point = plot.value(below ? b.low : b.high)
                // Labels start beyond the point's radius as well as beyond a bar's end.
                let offset = plot.value(b.high) - plot.value(b.low) < thickness ? thickness / 2 : 0
                svg.element(
                    "text",
                    [
                        ("x", .number(below ? point - 6 - offset : point + 6 + offset)),
                        ("y", .number(centre + ChartCanvas.labelSize * 0.35)),
                        ("class", .text("fc-label fc-halo")), ("text-anchor", .text(below ? "end" : "start")),
                    ],
                    text: text
                )
            }
        }
    }

    func summary(format: NumberFormat) -> String {
        let items = data.categories.indices.compactMap { c in text(c, format: format).map { "\(data.categories[c]) \($0)" } }
        guard !items.isEmpty else { return ChartSummary.noData }
        return ChartSummary.list(items) + "."
    }
}
