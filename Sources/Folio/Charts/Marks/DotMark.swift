import FolioFormat

/// `dot`: two or more values per category as dots on one row, joined by a grey rule (plan
/// against actual). The lowest value is labelled left, the highest right; each series is named
/// once, over its dot in the first row.
struct DotMark: ChartMark {
    let data: ChartData

    static let radius = 6.0

    var isHorizontal: Bool { true }
    var bands: [String] { data.categories }
    /// Positions, not lengths: the axis may start near the values, as a line's may.
    var includesZero: Bool { false }
    var leadRoom: Double { data.series.count > 1 ? RowEnds.nameRoom : 0 }

    var extent: (lower: Double, upper: Double)? {
        let values = data.allValues
        guard let low = values.min(), let high = values.max() else { return nil }
        return (low, high)
    }

    func ends(_ index: Int) -> (low: Double, high: Double)? {
        RowEnds.ends(data, series: data.series.indices, category: index)
    }

    func valueLabels(_ index: Int, format: NumberFormat) -> (high: String?, low: String?) {
        RowEnds.labels(ends(index), format: format)
    }

    func draw(in plot: Plot, into svg: inout SVGWriter) {
        let radius = min(Self.radius, plot.band.bandwidth / 2)
        let rows = data.categories.indices.compactMap { c in ends(c).map { (category: c, ends: $0) } }
        svg.group("g", [("class", .text("fc-dot-rules"))]) { svg in
            for row in rows where row.ends.low < row.ends.high {
                let from = plot.point(plot.band.center(row.category), row.ends.low)
                let to = plot.point(plot.band.center(row.category), row.ends.high)
                svg.element(
                    "line",
                    [
                        ("x1", .number(from.x)), ("y1", .number(from.y)), ("x2", .number(to.x)), ("y2", .number(to.y)),
                        ("class", .text("fc-dot-rule")),
                    ]
                )
            }
        }
        for s in data.series.indices {
            svg.group("g", [("class", .text("fc-dots"))]) { svg in
                for c in data.categories.indices {
                    guard let v = data.value(s, c), let tooltip = MarkTooltip.text(data, series: s, category: c, format: plot.format)
                    else { continue }
                    let point = plot.point(plot.band.center(c), v)
                    svg.mark(
                        "circle",
                        [
                            ("cx", .number(point.x)), ("cy", .number(point.y)), ("r", .number(radius)),
                            ("class", .text("fc-dot \(ChartPalette.fill(s))")),
                        ],
                        tooltip: tooltip
                    )
                }
            }
        }
        RowEnds.drawValueLabels(rows, inset: radius + 6, plot: plot, into: &svg)
        guard let first = rows.first?.category, data.series.count > 1 else { return }
        let names = data.series.indices.compactMap { s in
            data.value(s, first).map { (name: data.series[s].name, x: plot.value($0), series: s) }
        }
        RowEnds.drawSeriesNames(names, radius: radius, plot: plot, into: &svg)
    }

    func summary(format: NumberFormat, words: ChartWords) -> String {
        let rows = data.categories.indices.compactMap { c -> String? in
            let values = data.series.indices.compactMap { s in data.value(s, c).map { "\(data.series[s].name) \(format.format($0))" } }
            return values.isEmpty ? nil : ChartWords.fill(words.labelled, data.categories[c], values.joined(separator: words.listSeparator))
        }
        guard !rows.isEmpty else { return ChartSummary.noData(words) }
        return ChartSummary.list(rows, clauses: true, words: words) + words.sentenceEnd
    }
}
