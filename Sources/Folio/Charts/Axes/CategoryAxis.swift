/// Category labels under vertical charts: wrapped onto up to three lines within their band,
/// never rotated; when they cannot fit, every Nth label is shown instead.
struct CategoryAxis: Sendable {
    /// Lines per band; empty for the bands whose label is skipped.
    let lines: [[String]]
    let maxLines: Int

    static let lineLimit = 3

    /// `ordered` categories (the x of lines and areas) may skip labels rather than break words.
    init(labels: [String], band: BandScale, ordered: Bool) {
        let size = ChartCanvas.labelSize
        let count = labels.count
        func width(_ every: Int) -> Double { band.step * Double(every) - 6 }
        func fitting(_ every: Int, lines: Int) -> Bool {
            guard width(every) > size else { return false }
            return stride(from: 0, to: count, by: every).allSatisfy {
                TextWrap.fits(labels[$0], width: width(every), size: size, maxLines: lines)
            }
        }
        // Every label, wrapped; else every Nth on one line (dates, years); else every Nth wrapped.
        let every: Int
        if fitting(1, lines: Self.lineLimit) {
            every = 1
        } else if count <= Self.alwaysShown && !ordered {
            every = 1  // a few named categories: all of them, broken mid-word if they must be
        } else if let single = (2...max(2, count)).first(where: { fitting($0, lines: 1) }) {
            every = single
        } else {
            every = (2...max(2, count)).first { fitting($0, lines: Self.lineLimit) } ?? max(1, count)
        }
        let lineWidth = max(size, width(every))
        lines = labels.indices.map { index in
            index % every == 0 ? TextWrap.lines(labels[index], width: lineWidth, size: size, maxLines: Self.lineLimit + 1) : []
        }
        maxLines = lines.map(\.count).max() ?? 0
    }

    /// Whether every label fits within `bandWidth` in three lines without breaking a word.
    static func fitsWhole(_ labels: [String], bandWidth: Double) -> Bool {
        labels.allSatisfy { TextWrap.fits($0, width: bandWidth - 6, size: ChartCanvas.labelSize, maxLines: lineLimit) }
    }

    /// Up to this many categories every label is shown, however it must wrap.
    static let alwaysShown = 12

    var height: Double { Double(maxLines) * ChartCanvas.lineHeight(ChartCanvas.labelSize) }

    /// Draws the labels centred under each band, the first baseline at `top` plus a cap height.
    func draw(_ plot: Plot, top: Double, into svg: inout SVGWriter) {
        let size = ChartCanvas.labelSize
        var previousRight = -Double.infinity
        svg.group("g", [("class", .text("fc-categories"))]) { svg in
            for (index, lines) in lines.enumerated() where !lines.isEmpty {
                let half = TextWrap.width(lines, size: size) / 2
                let x = min(max(plot.band.center(index), half), plot.canvas.width - half)
                // A label pushed in from the canvas edge must not run into its neighbour.
                guard x - half >= previousRight + 4 else { continue }
                previousRight = x + half
                svg.text(
                    lines, x: x, y: top + size * 0.8, lineHeight: plot.canvas.labelLine,
                    [("class", .text("fc-cat")), ("text-anchor", .text("middle"))]
                )
            }
        }
    }
}

/// Category labels left of horizontal charts, wrapped to the label column, right-aligned.
struct RowLabels: Sendable {
    let lines: [[String]]
    let width: Double

    init(labels: [String], maxWidth: Double) {
        let size = ChartCanvas.labelSize
        let wrapped = labels.map { TextWrap.lines($0, width: maxWidth, size: size, maxLines: CategoryAxis.lineLimit) }
        lines = wrapped
        width = wrapped.map { TextWrap.width($0, size: size) }.max() ?? 0
    }

    var maxLines: Int { lines.map(\.count).max() ?? 1 }

    func draw(_ plot: Plot, x: Double, into svg: inout SVGWriter) {
        let size = ChartCanvas.labelSize
        let lineHeight = plot.canvas.labelLine
        svg.group("g", [("class", .text("fc-categories"))]) { svg in
            for (index, lines) in lines.enumerated() {
                let centre = plot.band.center(index)
                let first = centre - Double(lines.count - 1) * lineHeight / 2 + size * 0.35
                svg.text(
                    lines, x: x, y: first, lineHeight: lineHeight,
                    [("class", .text("fc-cat")), ("text-anchor", .text("end"))]
                )
            }
        }
    }
}
