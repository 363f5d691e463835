/// Layout for charts with categories along the bottom: legend and annotations on top, value
/// ticks left (their width sets the margin), wrapped category labels below, the note last.
enum VerticalLayout {
    static func body(
        _ spec: ChartSpec, mark: any ChartMark, extent: (lower: Double, upper: Double), canvas: ChartCanvas
    ) -> ChartBody {
        let width = canvas.width
        let bands = mark.bands
        let (axis, band, left, right, trailingWidth) = frame(spec, mark: mark, extent: extent, canvas: canvas)
        let categories = CategoryAxis(labels: bands, band: band, ordered: spec.type.categoryScale == .points)

        var y = 2.0
        let legend = Legend(items: mark.legend, width: width)
        let legendTop = y
        if legend.rows > 0 { y += legend.height(canvas) + 8 }
        let annotations = TopAnnotations(
            AnnotationMatch.resolve(spec.annotations, bands: bands), band: band, canvas: canvas,
            spans: AnnotationMatch.spanNotes(spec.annotations, bands: bands)
        )
        let annotationTop = y
        y += annotations.height

        let labelTexts = bands.indices.map { mark.valueLabels($0, format: spec.format) }
        let highLabels = spec.labels && labelTexts.contains { $0.high != nil }
        let lowLabels = spec.labels && labelTexts.contains { $0.low != nil }
        let plotTop = y + (highLabels ? canvas.labelLine + 2 : ChartCanvas.labelSize / 2 + 2)
        let plotBottom = plotTop + canvas.plotHeight
        let value = LinearScale(domain: (axis.ticks.lower, axis.ticks.upper), range: (plotBottom, plotTop))
        let plot = Plot(
            canvas: canvas, band: band, value: value, isHorizontal: false, format: spec.format, labels: spec.labels,
            left: left, top: plotTop, right: right, bottom: plotBottom, trailingWidth: trailingWidth
        )

        var svg = SVGWriter()
        legend.draw(top: legendTop, canvas: canvas, into: &svg)
        axis.drawVertical(plot, into: &svg)
        ReferenceMarks.drawSpans(AnnotationMatch.spans(spec.annotations, bands: bands), plot: plot, into: &svg)
        svg.group("g", [("class", .text("fc-marks"))]) { svg in mark.draw(in: plot, into: &svg) }
        axis.drawZero(plot, into: &svg)
        ReferenceMarks.drawLines(AnnotationMatch.lines(spec.annotations), plot: plot, into: &svg)
        annotations.draw(
            top: annotationTop,
            markTop: { index in
                guard let high = mark.ends(index)?.high else { return nil }
                let hasLabel = spec.labels && labelTexts[index].high != nil
                return value(high) - (hasLabel ? canvas.labelLine + 4 : 4)
            },
            into: &svg
        )
        let lowestLabel = lowLabels ? labelBottom(mark: mark, bands: bands.count, value: value, canvas: canvas) : 0
        let categoryTop = max(plotBottom, lowestLabel) + 8
        categories.draw(plot, top: categoryTop, into: &svg)
        y = categoryTop + categories.height
        let note = TextBlock(spec.note, width: width, size: ChartCanvas.noteSize, className: "fc-note")
        if !note.lines.isEmpty {
            note.draw(x: 0, top: y + 10, into: &svg)
            y += 10 + note.height
        }
        return ChartBody(markup: svg.output, height: (y + 6).rounded(.up))
    }

    /// The value axis, the category bands and the room for line-end labels.
    static func frame(
        _ spec: ChartSpec, mark: any ChartMark, extent: (lower: Double, upper: Double), canvas: ChartCanvas
    ) -> (axis: ValueAxis, band: BandScale, left: Double, right: Double, trailingWidth: Double) {
        let width = canvas.width
        let axis = ValueAxis(
            ticks: NiceTicks(lower: extent.lower, upper: extent.upper, includeZero: mark.includesZero, maxCount: 6),
            format: spec.format
        )
        let left = min(axis.labelWidth + 10, width * 0.4)
        let trailing = mark.trailingLabelTexts(format: spec.format, labels: spec.labels)
        let trailingWidth = min(
            width * 0.3,
            trailing.map { TextMetrics.width($0, size: ChartCanvas.labelSize, bold: true) }.max() ?? 0
        )
        let right = width - (trailing.isEmpty ? 2 : trailingWidth + 10)
        let count = mark.bands.count
        let band =
            spec.type.categoryScale == .points
            ? pointScale(count: count, range: (left, right))
            : BandScale(
                count: count, range: (left, right),
                paddingInner: barPadding(count: count, width: right - left, widest: mark.maxBandwidth),
                paddingOuter: 0.1
            )
        return (axis, band, left, right, trailing.isEmpty ? 0 : trailingWidth)
    }

    /// Whether every category name fits its band without being broken mid-word.
    static func labelsFitWhole(
        _ spec: ChartSpec, mark: any ChartMark, extent: (lower: Double, upper: Double), canvas: ChartCanvas
    ) -> Bool {
        let band = frame(spec, mark: mark, extent: extent, canvas: canvas).band
        return CategoryAxis.fitsWhole(mark.bands, bandWidth: band.step)
    }

    /// The lowest point any label below a negative mark reaches.
    private static func labelBottom(mark: any ChartMark, bands: Int, value: LinearScale, canvas: ChartCanvas) -> Double {
        let lows = (0..<bands).compactMap { mark.ends($0)?.low }
        guard let lowest = lows.min() else { return 0 }
        return value(lowest) + 6 + canvas.labelLine
    }

    /// Lines run edge to edge: the first category on the left edge, the last on the right.
    private static func pointScale(count: Int, range: (start: Double, end: Double)) -> BandScale {
        guard count > 1 else { return BandScale(count: 1, range: range, paddingInner: 0, paddingOuter: 0) }
        let step = (range.end - range.start) / Double(count - 1)
        return BandScale(count: count, range: (range.start - step / 2, range.end + step / 2), paddingInner: 0, paddingOuter: 0)
    }

    /// Thinner gaps when there are many bars, so 200 bars stay visible.
    /// and a few bars do not turn into slabs.
    private static func barPadding(count: Int, width: Double, widest: Double) -> Double {
        let step = width / Double(max(1, count))
        if step < 4 { return 0.05 }
        if step < 12 { return 0.15 }
        return min(0.8, max(0.25, 1 - widest / step))
    }
}
