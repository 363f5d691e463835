import FolioFormat

/// Layout for charts with one row per category (hbar, range): wrapped labels in a left column,
/// value ticks across the top, value labels and annotations right of each mark. The value
/// range shrinks until every row's label and annotation fit inside the canvas.
enum HorizontalLayout {
    /// `range`, when given, is the value range to use as it is (small multiples share one).
    static func body(
        _ spec: ChartSpec, mark: any ChartMark, extent: (lower: Double, upper: Double), canvas: ChartCanvas,
        range forced: (start: Double, end: Double)? = nil
    ) -> ChartBody {
        let width = canvas.width
        let bands = mark.bands
        let labelSize = ChartCanvas.labelSize
        let rows = RowLabels(labels: bands, maxWidth: width * (canvas.width < 500 ? 0.34 : 0.3))
        let plotLeft = rows.width + 10
        let notes = AnnotationMatch.resolve(spec.annotations, bands: bands)
        // On narrow canvases notes go under their row; on wide ones, after the value label.
        let notesBelow = canvas.width < 500
        let noteWidth = notesBelow ? width - plotLeft - 4 : min(200, width * 0.3)
        var noteLines: [Int: [String]] = [:]
        for note in notes {
            noteLines[note.band] = TextWrap.lines(note.text, width: noteWidth, size: ChartCanvas.noteSize, maxLines: 3)
        }

        var y = 2.0
        let legend = Legend(items: mark.legend, width: width)
        let legendTop = y
        if legend.rows > 0 { y += legend.height(canvas) + 8 }
        let tickBaseline = y + labelSize * 0.8
        let plotTop = y + canvas.labelLine + 6 + mark.leadRoom

        let noteRows = notesBelow ? 0 : noteLines.values.map { Double($0.count) * canvas.noteLine + 10 }.max() ?? 0
        let rowHeight = max(canvas.rowHeight, Double(rows.maxLines) * canvas.labelLine + 8, noteRows)
        let noteRoom = bands.indices.map { index in
            notesBelow ? noteLines[index].map { Double($0.count) * canvas.noteLine } ?? 0 : 0
        }
        let plotBottom = plotTop + rowHeight * Double(bands.count) + noteRoom.reduce(0, +)
        let band = BandScale(
            count: bands.count, range: (plotTop, plotBottom), paddingInner: bands.count > 60 ? 0.15 : 0.3,
            paddingOuter: 0.15, extra: noteRoom
        )

        // Space each row needs beyond its mark: the value label, then the annotation.
        let labelTexts = bands.indices.map { mark.valueLabels($0, format: spec.format) }
        func labelSpace(_ index: Int, high: Bool) -> Double {
            guard spec.labels, let text = high ? labelTexts[index].high : labelTexts[index].low else { return 0 }
            return 6 + TextMetrics.width(text, size: labelSize) + spec.type.labelInset
        }
        func extra(_ index: Int, high: Bool) -> Double {
            var total = labelSpace(index, high: high)
            if high, !notesBelow, let lines = noteLines[index] {
                total += 12 + TextWrap.width(lines, size: ChartCanvas.noteSize)
            }
            return total
        }
        let plotRight = width - 2
        var axis = fittingAxis(extent: extent, includeZero: mark.includesZero, format: spec.format, width: plotRight - plotLeft)
        var range = forced ?? (start: plotLeft, end: plotRight)
        if let forced {
            axis = fittingAxis(extent: extent, includeZero: mark.includesZero, format: spec.format, width: forced.end - forced.start)
        }
        for _ in 0..<3 where forced == nil {
            let right = width - max(2, (axis.labels.last.map { TextMetrics.width($0, size: labelSize) } ?? 0) / 2)
            range = fit(axis: axis, bands: bands.count, left: plotLeft, right: right) { index, scale in
                guard let ends = mark.ends(index) else { return (0, 0) }
                return (scale(ends.high) + extra(index, high: true), scale(ends.low) - extra(index, high: false))
            }
            let refit = fittingAxis(
                extent: extent, includeZero: mark.includesZero, format: spec.format, width: range.end - range.start
            )
            if refit.ticks == axis.ticks { break }
            axis = refit
        }
        let value = LinearScale(domain: (axis.ticks.lower, axis.ticks.upper), range: range)
        let plot = Plot(
            canvas: canvas, band: band, value: value, isHorizontal: true, format: spec.format, labels: spec.labels,
            left: range.start, top: plotTop, right: range.end, bottom: plotBottom, trailingWidth: 0
        )

        var svg = SVGWriter()
        legend.draw(top: legendTop, canvas: canvas, into: &svg)
        axis.drawHorizontal(plot, labelBaseline: tickBaseline, into: &svg)
        rows.draw(plot, x: plotLeft - 10, into: &svg)
        ReferenceMarks.drawSpans(AnnotationMatch.spans(spec.annotations, bands: bands), plot: plot, into: &svg)
        svg.group("g", [("class", .text("fc-marks"))]) { svg in mark.draw(in: plot, into: &svg) }
        axis.drawZero(plot, into: &svg)
        let references = AnnotationMatch.lines(spec.annotations)
        ReferenceMarks.drawLines(references, plot: plot, into: &svg)
        drawNotes(noteLines, plot: plot, mark: mark, below: notesBelow, labelWidth: { labelSpace($0, high: true) }, into: &svg)

        y = plotBottom + ReferenceMarks.roomBelow(references, canvas: canvas)
        let note = TextBlock(spec.note, width: width, size: ChartCanvas.noteSize, className: "fc-note")
        if !note.lines.isEmpty {
            note.draw(x: 0, top: y + 10, into: &svg)
            y += 10 + note.height
        }
        return ChartBody(markup: svg.output, height: (y + 6).rounded(.up), valueRange: range)
    }

    /// Ticks whose labels fit side by side across `width`: of the tick counts that fit, the one
    /// whose domain wastes least space beyond the data (more ticks on a tie).
    private static func fittingAxis(
        extent: (lower: Double, upper: Double), includeZero: Bool, format: NumberFormat, width: Double
    ) -> ValueAxis {
        let candidates = stride(from: 6, through: 2, by: -1).map { count in
            ValueAxis(
                ticks: NiceTicks(lower: extent.lower, upper: extent.upper, includeZero: includeZero, maxCount: count),
                format: format
            )
        }
        // Evenly spaced ticks need a label width plus a gap between neighbours.
        // Round ticks only, unless none fit: the data's own ends as ticks (−35%, +25%) hide zero.
        let round = candidates.filter(\.ticks.isRound)
        let fitting = (round.isEmpty ? candidates : round).filter { ($0.labelWidth + 12) * Double($0.labels.count - 1) <= width }
        func span(_ axis: ValueAxis) -> Double { axis.ticks.upper / 2 - axis.ticks.lower / 2 }
        return fitting.min { span($0) < span($1) } ?? candidates[candidates.count - 1]
    }

    /// The value range, shrunk until every row's far ends (`ends(index, scale)`: right, left)
    /// stay within `left...right`; it never shrinks below 30% of the width.
    private static func fit(
        axis: ValueAxis, bands: Int, left: Double, right: Double,
        ends: (Int, LinearScale) -> (right: Double, left: Double)
    ) -> (start: Double, end: Double) {
        var range = (start: left, end: right)
        let minimum = (right - left) * 0.3
        for _ in 0..<8 {
            let scale = LinearScale(domain: (axis.ticks.lower, axis.ticks.upper), range: range)
            var overRight = 0.0
            var overLeft = 0.0
            for index in 0..<bands {
                let far = ends(index, scale)
                overRight = max(overRight, far.right - right)
                overLeft = max(overLeft, left - far.left)
            }
            guard overRight > 0.5 || overLeft > 0.5 else { break }
            range.end = max(range.start + minimum, range.end - max(0, overRight))
            range.start = min(range.end - minimum, range.start + max(0, overLeft))
        }
        return range
    }

    private static func drawNotes(
        _ notes: [Int: [String]], plot: Plot, mark: any ChartMark, below: Bool, labelWidth: (Int) -> Double,
        into svg: inout SVGWriter
    ) {
        guard !notes.isEmpty else { return }
        let size = ChartCanvas.noteSize
        let lineHeight = ChartCanvas.lineHeight(size)
        svg.group("g", [("class", .text("fc-annotations"))]) { svg in
            for index in notes.keys.sorted() {
                guard let lines = notes[index] else { continue }
                if below {
                    let x = plot.left
                    let top = plot.band.position(index) + plot.band.bandwidth + 3
                    svg.text(lines, x: x, y: top + size * 0.8, lineHeight: lineHeight, [("class", .text("fc-annotation"))])
                    continue
                }
                let end = mark.ends(index).map { plot.value($0.high) } ?? plot.value(0)
                let x = end + labelWidth(index) + 6
                let centre = plot.band.center(index)
                let first = centre - Double(lines.count - 1) * lineHeight / 2 + size * 0.35
                svg.text(lines, x: x, y: first, lineHeight: lineHeight, [("class", .text("fc-annotation"))])
            }
        }
    }
}
