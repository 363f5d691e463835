/// The drawn chart without title, subtitle and source: what the page embeds inline.
struct ChartBody: Sendable {
    let markup: String
    let height: Double
    /// The categories whose point label did not fit and was left out (`scatter`).
    var droppedLabels: Set<Int> = []
    /// Where a horizontal layout put its value range, so small multiples can share the tightest.
    var valueRange: (start: Double, end: Double)? = nil
}

/// What the small multiples of one chart share, so that all lie on one scale: the value
/// extent (and a scatter's x extent), and a horizontal layout's value range.
struct SharedScale: Sendable {
    var extent: (lower: Double, upper: Double)
    var xExtent: (lower: Double, upper: Double)?
    var valueRange: (start: Double, end: Double)?
}

/// Lays out and draws a chart body for one canvas, picking the layout by orientation.
enum ChartLayout {
    static func body(_ spec: ChartSpec, mark: any ChartMark, canvas: ChartCanvas, shared: SharedScale? = nil) -> ChartBody {
        guard let extent = shared?.extent ?? self.extent(spec, mark: mark), !mark.bands.isEmpty else {
            return empty(spec, canvas: canvas)
        }
        if let mark = mark as? any OwnLayoutMark { return mark.body(spec, canvas: canvas, shared: shared) }
        return mark.isHorizontal
            ? HorizontalLayout.body(spec, mark: mark, extent: extent, canvas: canvas, range: shared?.valueRange)
            : VerticalLayout.body(spec, mark: mark, extent: extent, canvas: canvas)
    }

    /// The values the value axis must show: the marks' and every reference line's.
    static func extent(_ spec: ChartSpec, mark: any ChartMark) -> (lower: Double, upper: Double)? {
        guard let marks = mark.extent else { return nil }
        let references = AnnotationMatch.lines(spec.annotations).map(\.value)
        return (min(marks.lower, references.min() ?? marks.lower), max(marks.upper, references.max() ?? marks.upper))
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
            text: spec.words.noDataShort
        )
        let note = TextBlock(spec.note, width: canvas.width, size: ChartCanvas.noteSize, className: "fc-note")
        note.draw(x: 0, top: boxHeight + 10, into: &svg)
        return ChartBody(markup: svg.output, height: boxHeight + (note.lines.isEmpty ? 4 : 10 + note.height + 4))
    }
}
