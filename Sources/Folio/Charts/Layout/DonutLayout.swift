import Foundation

/// The layout of a donut: the ring centred, the total in its hole, each slice named outside on
/// its side of the ring, the names nudged apart vertically and joined to their slice by a leader.
enum DonutLayout {
    static func body(_ spec: ChartSpec, mark: DonutMark, canvas: ChartCanvas) -> ChartBody {
        let wide = canvas.width >= 500
        let radius = wide ? 110.0 : 72.0
        let inner = radius * 0.6
        let labelLine = canvas.labelLine
        let centre = (x: canvas.width / 2, y: radius + labelLine + 6)
        let labelWidth = canvas.width / 2 - radius - 26
        let slices = mark.slices
        let sum = slices.map(\.value).reduce(0, +)

        var svg = SVGWriter()
        var angle = 0.0
        var labels: [(index: Int, right: Bool, mid: Double, lines: [String])] = []
        svg.group(
            "g",
            [
                ("class", .text("fc-donut")),
                ("transform", .text("translate(\(SVGNumber.text(centre.x)),\(SVGNumber.text(centre.y)))")),
            ]
        ) { svg in
            for (index, slice) in slices.enumerated() where slice.value > 0 && sum > 0 {
                let sweep = slice.value / sum * 2 * Double.pi
                let tooltip = MarkTooltip.text(
                    category: slice.name, series: mark.data.series.first?.name, value: mark.labelValue(slice.value)
                )
                svg.mark(
                    "path",
                    [
                        ("d", .text(arc(from: angle, sweep: sweep, outer: radius, inner: inner))),
                        ("class", .text("fc-slice \(slice.colour)")),
                    ], tooltip: tooltip
                )
                let mid = angle + sweep / 2
                let name = TextWrap.lines(slice.name, width: labelWidth, size: ChartCanvas.labelSize, maxLines: 2)
                labels.append((index, mid <= Double.pi, mid, name + [mark.labelValue(slice.value)]))
                angle += sweep
            }
        }
        drawTotal(mark, words: spec.words, at: centre, into: &svg)
        let bottom = drawLabels(labels, centre: centre, radius: radius, canvas: canvas, into: &svg)

        var y = max(centre.y + radius + 6, bottom)
        let note = TextBlock(spec.note, width: canvas.width, size: ChartCanvas.noteSize, className: "fc-note")
        if !note.lines.isEmpty {
            note.draw(x: 0, top: y + 10, into: &svg)
            y += 10 + note.height
        }
        return ChartBody(markup: svg.output, height: (y + 6).rounded(.up))
    }

    /// A ring slice clockwise from `start` (radians from the top) through `sweep`; a whole ring is two halves.
    static func arc(from start: Double, sweep: Double, outer: Double, inner: Double) -> String {
        guard sweep < 2 * Double.pi - 1e-6 else {
            return arc(from: start, sweep: Double.pi, outer: outer, inner: inner)
                + arc(from: start + Double.pi, sweep: Double.pi, outer: outer, inner: inner)
        }
        func point(_ angle: Double, _ r: Double) -> String {
            SVGNumber.text(r * sin(angle)) + "," + SVGNumber.text(-r * cos(angle))
        }
        let large = sweep > Double.pi ? 1 : 0
        let end = start + sweep
        let o = SVGNumber.text(outer)
        let i = SVGNumber.text(inner)
        return "M\(point(start, outer))A\(o),\(o) 0 \(large) 1 \(point(end, outer))"
            + "L\(point(end, inner))A\(i),\(i) 0 \(large) 0 \(point(start, inner))Z"
    }

    private static func drawTotal(_ mark: DonutMark, words: ChartWords, at centre: (x: Double, y: Double), into svg: inout SVGWriter) {
        let caption = mark.rest == nil ? words.totalCaption : words.namedCaption
        svg.group("g", [("class", .text("fc-donut-centre"))]) { svg in
            svg.element(
                "text",
                [
                    ("x", .number(centre.x)), ("y", .number(centre.y + 2)), ("class", .text("fc-donut-total")),
                    ("text-anchor", .text("middle")),
                ],
                text: mark.format.format(mark.partsTotal)
            )
            svg.element(
                "text",
                [
                    ("x", .number(centre.x)), ("y", .number(centre.y + 2 + ChartCanvas.noteSize * 1.2)),
                    ("class", .text("fc-donut-caption")), ("text-anchor", .text("middle")),
                ],
                text: caption
            )
        }
    }

    /// Names and values beside the ring, each side spread so no two overlap; returns the lowest text's bottom.
    private static func drawLabels(
        _ labels: [(index: Int, right: Bool, mid: Double, lines: [String])], centre: (x: Double, y: Double), radius: Double,
        canvas: ChartCanvas, into svg: inout SVGWriter
    ) -> Double {
        let size = ChartCanvas.labelSize
        let lineHeight = canvas.labelLine
        var bottom = 0.0
        svg.group("g", [("class", .text("fc-donut-labels"))]) { svg in
            for right in [true, false] {
                let side = labels.filter { $0.right == right }
                let wanted = side.map { label in
                    let height = Double(label.lines.count) * lineHeight + 4
                    return (centre: max(height / 2, centre.y - (radius + 10) * cos(label.mid)), height: height)
                }
                let placed = LabelDodge.spread(wanted, within: 0...(centre.y * 2 + lineHeight * 2))
                for (label, middle) in zip(side, placed) {
                    let height = Double(label.lines.count) * lineHeight
                    let edge = (x: centre.x + (radius + 4) * sin(label.mid), y: centre.y - (radius + 4) * cos(label.mid))
                    let textX = centre.x + (right ? 1 : -1) * (radius + 22)
                    let elbow = textX - (right ? 6 : -6)
                    svg.element(
                        "path",
                        [
                            ("d", .text(SVGPath.polyline([edge, (elbow, middle), (textX - (right ? 2 : -2), middle)]))),
                            ("class", .text("fc-leader fc-donut-leader")),
                        ]
                    )
                    let baseline = middle - height / 2 + size * 0.85
                    for (line, text) in label.lines.enumerated() {
                        let kind = line == label.lines.count - 1 ? "fc-donut-value" : "fc-donut-name"
                        svg.element(
                            "text",
                            [
                                ("x", .number(textX)), ("y", .number(baseline + Double(line) * lineHeight)),
                                ("class", .text("fc-label fc-donut-label \(kind) fc-halo")),
                                ("text-anchor", .text(right ? "start" : "end")),
                            ],
                            text: text
                        )
                    }
                    bottom = max(bottom, middle + height / 2)
                }
            }
        }
        return bottom
    }
}
