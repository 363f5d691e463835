/// The drawn chart without title, subtitle and source: what the page embeds inline.
struct ChartBody: Sendable {
    let markup: String
    let height: Double
    /// The categories whose point label did not fit and was left out (`scatter`).
    var droppedLabels: Set<Int> = []
}

/// Lays out and draws a chart body for one canvas, picking the layout by orientation.
enum ChartLayout {
    static func body(_ spec: ChartSpec, mark: any ChartMark, canvas: ChartCanvas) -> ChartBody {
        guard let marks = mark.extent, !mark.bands.isEmpty else { return empty(spec, canvas: canvas) }
        if let mark = mark as? any OwnLayoutMark { return mark.body(spec, canvas: canvas) }
        // The value axis reaches every reference line.
        let references = AnnotationMatch.lines(spec.annotations).map(\.value)
        let extent = (min(marks.lower, references.min() ?? marks.lower), max(marks.upper, references.max() ?? marks.upper))
        return mark.isHorizontal
            ? HorizontalLayout.body(spec, mark: mark, extent: extent, canvas: canvas)
            : VerticalLayout.body(spec, mark: mark, extent: extent, canvas: canvas)
    }

    /// "No data": still a valid chart with its note, so the page keeps its shape.
    static func empty(_ spec: ChartSpec, canvas: ChartCanvas) -> ChartBody {
        var svg = SVGWriter()
        let boxHeight = 120.0
        svg.element(
            "rect",
            [
                ("x", .number(0.5)), ("y", .number(0.5)), ("width", .number(canvas.width - 1)), ("height", .number(boxHeight)),
                ("class", .text("fc-empty-box")),
            ]
        )
        svg.element(
            "text",
            [
                ("x", .number(canvas.width / 2)), ("y", .number(boxHeight / 2 + 5)), ("class", .text("fc-empty")),
                ("text-anchor", .text("middle")),
            ],
            text: "No data"
        )
        let note = TextBlock(spec.note, width: canvas.width, size: ChartCanvas.noteSize, className: "fc-note")
        note.draw(x: 0, top: boxHeight + 10, into: &svg)
        return ChartBody(markup: svg.output, height: boxHeight + (note.lines.isEmpty ? 4 : 10 + note.height + 4))
    }
}
