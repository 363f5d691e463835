/// The layout of a scatter plot: y ticks left, x ticks below, each axis named by its column, and
/// the point names placed greedily where they clear every placed name and every point.
enum ScatterLayout {
    static func body(_ spec: ChartSpec, mark: ScatterMark, canvas: ChartCanvas, shared: SharedScale? = nil) -> ChartBody {
        let size = ChartCanvas.labelSize
        let width = canvas.width
        let xRange = shared?.xExtent ?? mark.xExtent ?? (0, 1)
        let yRange = shared?.extent ?? mark.extent ?? (0, 1)
        let xFormat = mark.xFormat(spec.format)
        let xAxis = ValueAxis(
            ticks: NiceTicks(lower: xRange.lower, upper: xRange.upper, includeZero: false, maxCount: width < 500 ? 4 : 6),
            format: xFormat
        )
        let yAxis = ValueAxis(
            ticks: NiceTicks(lower: yRange.lower, upper: yRange.upper, includeZero: false, maxCount: 6), format: spec.format
        )
        let left = min(yAxis.labelWidth + 10, width * 0.4)
        let right = width - max(2, (xAxis.labels.last.map { TextMetrics.width($0, size: size) } ?? 0) / 2)
        let yTitleBaseline = 2 + size * 0.8
        let plotTop = 2 + canvas.labelLine + 10
        let plotBottom = plotTop + canvas.plotHeight
        let unused = BandScale(count: 1, range: (left, right), paddingInner: 0, paddingOuter: 0)
        func plot(_ scale: LinearScale, horizontal: Bool) -> Plot {
            Plot(
                canvas: canvas, band: unused, value: scale, isHorizontal: horizontal, format: spec.format, labels: spec.labels,
                left: left, top: plotTop, right: right, bottom: plotBottom, trailingWidth: 0
            )
        }
        let xScale = LinearScale(domain: (xAxis.ticks.lower, xAxis.ticks.upper), range: (left, right))
        let yScale = LinearScale(domain: (yAxis.ticks.lower, yAxis.ticks.upper), range: (plotBottom, plotTop))
        let xTickBaseline = plotBottom + 8 + size * 0.8

        var svg = SVGWriter()
        yAxis.drawVertical(plot(yScale, horizontal: false), into: &svg)
        xAxis.drawHorizontal(plot(xScale, horizontal: true), labelBaseline: xTickBaseline, into: &svg)
        svg.element(
            "text", [("x", .number(0)), ("y", .number(yTitleBaseline)), ("class", .text("fc-axis-title"))], text: mark.yName
        )
        let xTitleBaseline = xTickBaseline + canvas.labelLine
        svg.element(
            "text",
            [("x", .number(right)), ("y", .number(xTitleBaseline)), ("class", .text("fc-axis-title")), ("text-anchor", .text("end"))],
            text: mark.xName
        )
        let points = mark.points.map { point in (point: point, x: xScale(point.x), y: yScale(point.y)) }
        svg.group("g", [("class", .text("fc-marks"))]) { svg in
            svg.group("g", [("class", .text("fc-scatter"))]) { svg in
                for point in points {
                    svg.mark(
                        "circle",
                        [
                            ("cx", .number(point.x)), ("cy", .number(point.y)), ("r", .number(ScatterMark.radius)),
                            ("class", .text("fc-scatter-point fc-fill-1")),
                        ],
                        tooltip: mark.tooltip(point.point, format: spec.format)
                    )
                }
            }
        }
        // A row without both values has no point, so no name on the chart either.
        var dropped = Set(mark.data.categories.indices).subtracting(points.map(\.point.row))
        if mark.namesPoints {
            // Names may reach above the top gridline and just below the bottom one, short of the x ticks.
            let bounds = Rect(x: 0, y: plotTop - size, width: width, height: plotBottom - plotTop + size + 6)
            let placement = PointLabels.place(
                points.map { (text: mark.data.categories[$0.point.row], x: $0.x, y: $0.y) }, radius: ScatterMark.radius,
                within: bounds
            )
            svg.group("g", [("class", .text("fc-labels"))]) { svg in
                for (index, label) in placement.enumerated() {
                    guard let label else {
                        dropped.insert(points[index].point.row)
                        continue
                    }
                    svg.element(
                        "text",
                        [
                            ("x", .number(label.x)), ("y", .number(label.y)), ("class", .text("fc-label fc-point-label fc-halo")),
                            ("text-anchor", .text(label.anchor)),
                        ],
                        text: mark.data.categories[points[index].point.row]
                    )
                }
            }
        }
        var y = xTitleBaseline + size * 0.3
        let note = TextBlock(spec.note, width: width, size: ChartCanvas.noteSize, className: "fc-note")
        if !note.lines.isEmpty {
            note.draw(x: 0, top: y + 10, into: &svg)
            y += 10 + note.height
        }
        return ChartBody(markup: svg.output, height: (y + 6).rounded(.up), droppedLabels: dropped)
    }
}
