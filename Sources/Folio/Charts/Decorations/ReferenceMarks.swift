/// Reference lines (`{y: VALUE, text}`) and shaded spans of categories (`{from, to, text}`).
/// A span's text is a note on its first category (`AnnotationMatch`); a line's text keeps off
/// every text and mark drawn before it.
enum ReferenceMarks {
    /// Shades each span's bands across the plot, behind the marks.
    static func drawSpans(_ spans: [(first: Int, last: Int)], plot: Plot, into svg: inout SVGWriter) {
        guard !spans.isEmpty else { return }
        let gap = plot.band.step - plot.band.bandwidth
        svg.group("g", [("class", .text("fc-spans"))]) { svg in
            for span in spans {
                let edges = plot.isHorizontal ? (plot.top, plot.bottom) : (plot.left, plot.right)
                let start = max(edges.0, plot.band.position(span.first) - gap / 2)
                let end = min(edges.1, plot.band.position(span.last) + plot.band.bandwidth + gap / 2)
                let rect =
                    plot.isHorizontal
                    ? Rect(x: plot.left, y: start, width: plot.right - plot.left, height: end - start)
                    : Rect(x: start, y: plot.top, width: end - start, height: plot.bottom - plot.top)
                svg.element("rect", rect.attributes + [("class", .text("fc-span"))])
            }
        }
    }

    /// The room under a horizontal chart's rows for its lines' texts, one row each.
    static func roomBelow(_ lines: [(value: Double, text: String)], canvas: ChartCanvas) -> Double {
        lines.isEmpty ? 0 : Double(lines.count) * canvas.noteLine + 4
    }

    /// Draws each line across the plot at its value, with its text: along the line where it clears
    /// what is drawn (vertical charts), or in its own row under the rows (horizontal ones).
    static func drawLines(_ lines: [(value: Double, text: String)], plot: Plot, into svg: inout SVGWriter) {
        guard !lines.isEmpty else { return }
        let size = ChartCanvas.noteSize
        svg.group("g", [("class", .text("fc-references"))]) { svg in
            for (index, line) in lines.enumerated() {
                let at = plot.value(line.value)
                if plot.isHorizontal {
                    let baseline = plot.bottom + 2 + Double(index + 1) * plot.canvas.noteLine - size * 0.25
                    let width = TextMetrics.width(line.text, size: size)
                    let before = at + 5 + width > plot.canvas.width
                    drawLine(x1: at, y1: plot.top, x2: at, y2: baseline - size * 0.8, into: &svg)
                    drawText(line.text, x: before ? at - 5 : at + 5, y: baseline, anchor: before ? "end" : "start", into: &svg)
                    continue
                }
                drawLine(x1: plot.left, y1: at, x2: plot.right, y2: at, into: &svg)
                let place = freePlace(for: line.text, alongY: at, plot: plot, taken: svg.taken)
                drawText(line.text, x: place.x, y: place.y, anchor: "end", into: &svg)
            }
        }
    }

    /// The first place, right to left along the line and above it before below it, where the text
    /// stays inside the plot and clears every box taken; the top right when there is none.
    static func freePlace(for text: String, alongY y: Double, plot: Plot, taken: [Rect]) -> (x: Double, y: Double) {
        let size = ChartCanvas.noteSize
        let width = TextMetrics.width(text, size: size)
        let baselines = [y - 4, y + 4 + size * 0.8]
        var right = plot.right
        while right - width >= plot.left {
            for baseline in baselines {
                let box = Rect(x: right - width, y: baseline - size * 0.8, width: width, height: size)
                guard box.y >= plot.top - size, box.y + box.height <= plot.bottom else { continue }
                if !taken.contains(where: { $0.overlaps(box, margin: 2) }) { return (right, baseline) }
            }
            right -= 12
        }
        return (plot.right, baselines[0])
    }

    private static func drawLine(x1: Double, y1: Double, x2: Double, y2: Double, into svg: inout SVGWriter) {
        svg.element(
            "line",
            [("x1", .number(x1)), ("y1", .number(y1)), ("x2", .number(x2)), ("y2", .number(y2)), ("class", .text("fc-reference"))]
        )
    }

    private static func drawText(_ text: String, x: Double, y: Double, anchor: String, into svg: inout SVGWriter) {
        svg.element(
            "text",
            [
                ("x", .number(x)), ("y", .number(y)), ("class", .text("fc-annotation fc-reference-text fc-halo")),
                ("text-anchor", .text(anchor)),
            ],
            text: text
        )
    }
}
