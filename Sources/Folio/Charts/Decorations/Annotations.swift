import Foundation

/// Annotations on vertical charts: set in rows above the plot, each beside a thin leader line
/// that stops just above its mark (and its value label), so the text never covers a mark.
struct TopAnnotations: Sendable {
    struct Placed: Sendable {
        let band: Int
        let lines: [String]
        /// The leader's x; the text starts right of it, or ends left of it near the right edge.
        let x: Double
        let anchorEnd: Bool
        let row: Int
        /// A span's text starts at the span's left edge, with no leader.
        let leader: Bool
    }

    let placed: [Placed]
    let rowHeights: [Double]

    /// `spans` are the notes that name a span of bands rather than one.
    init(_ notes: [(band: Int, text: String)], band: BandScale, canvas: ChartCanvas, spans: Set<Int> = []) {
        let size = ChartCanvas.noteSize
        let wrapWidth = min(210, canvas.width * 0.45)
        var rowsTaken: [[ClosedRange<Double>]] = []
        var leaders: [(x: Double, row: Int)] = []
        var placed: [Placed] = []
        var heights: [Double] = []
        for (index, note) in notes.enumerated() {
            let lines = TextWrap.lines(note.text, width: wrapWidth, size: size, maxLines: 3)
            let width = TextWrap.width(lines, size: size)
            let isSpan = spans.contains(index)
            let x = isSpan ? band.position(note.band) - (band.step - band.bandwidth) / 2 : band.center(note.band)
            let anchorEnd = x + 5 + width > canvas.width
            let span = anchorEnd ? (x - 5 - width)...(x + 1) : (x - 1)...(x + 5 + width)
            var row = 0
            while true {
                let taken = row < rowsTaken.count ? rowsTaken[row] : []
                let textClash = taken.contains { $0.overlaps(span) }
                let leaderClash = leaders.contains { $0.row < row && span.contains($0.x) }
                if !textClash && !leaderClash { break }
                row += 1
            }
            while rowsTaken.count <= row {
                rowsTaken.append([])
                heights.append(0)
            }
            rowsTaken[row].append(span)
            heights[row] = max(heights[row], Double(lines.count) * canvas.noteLine)
            leaders.append((x, row))
            placed.append(Placed(band: note.band, lines: lines, x: x, anchorEnd: anchorEnd, row: row, leader: !isSpan))
        }
        // Rows are listed bottom-up (row 0 sits nearest the plot); later rows stack above.
        self.placed = placed
        rowHeights = heights
    }

    /// The height of all rows plus a gap below them.
    var height: Double { rowHeights.isEmpty ? 0 : rowHeights.reduce(0, +) + 4 * Double(rowHeights.count) + 4 }

    /// Draws the rows in the band starting at `top`; `markTop(band)` is the y the leader stops at.
    func draw(top: Double, markTop: (Int) -> Double?, into svg: inout SVGWriter) {
        guard !placed.isEmpty else { return }
        let size = ChartCanvas.noteSize
        let lineHeight = ChartCanvas.lineHeight(size)
        // Row 0 is the lowest; compute each row's top from the bottom of the band.
        var rowTops: [Double] = Array(repeating: 0, count: rowHeights.count)
        var y = top + height - 4
        for row in rowHeights.indices {
            y -= rowHeights[row] + 4
            rowTops[row] = y
        }
        svg.group("g", [("class", .text("fc-annotations"))]) { svg in
            for note in placed {
                let rowTop = rowTops[note.row]
                if note.leader, let end = markTop(note.band), end > rowTop + 2 {
                    svg.element(
                        "line",
                        [
                            ("x1", .number(note.x)), ("y1", .number(rowTop + 2)), ("x2", .number(note.x)),
                            ("y2", .number(end)), ("class", .text("fc-leader")),
                        ]
                    )
                }
                let inset = note.leader ? 5.0 : 0
                svg.text(
                    note.lines, x: note.anchorEnd ? note.x - inset : note.x + inset, y: rowTop + size * 0.8,
                    lineHeight: lineHeight,
                    [("class", .text("fc-annotation")), ("text-anchor", .text(note.anchorEnd ? "end" : "start"))]
                )
            }
        }
    }
}

/// The chart's annotations matched to band indices; unknown categories are dropped. A span's text
/// is a note on its first category, so it is placed like one and never on a mark's label.
enum AnnotationMatch {
    static func resolve(_ annotations: [ChartAnnotation], bands: [String]) -> [(band: Int, text: String)] {
        matched(annotations, bands: bands).map { ($0.band, $0.text) }
    }

    /// The indices, in `resolve`'s result, of the notes that name a span.
    static func spanNotes(_ annotations: [ChartAnnotation], bands: [String]) -> Set<Int> {
        Set(matched(annotations, bands: bands).enumerated().filter(\.element.span).map(\.offset))
    }

    private static func matched(_ annotations: [ChartAnnotation], bands: [String]) -> [(band: Int, text: String, span: Bool)] {
        annotations.compactMap { note in
            guard note.value == nil, spanEnd(note, bands: bands) != -1 else { return nil }
            return band(note.category, in: bands).map { ($0, note.text, note.through != nil) }
        }
    }

    /// The shaded spans, as first and last band (in order).
    static func spans(_ annotations: [ChartAnnotation], bands: [String]) -> [(first: Int, last: Int)] {
        annotations.compactMap { note in
            guard let first = band(note.category, in: bands), let last = spanEnd(note, bands: bands), last >= 0 else { return nil }
            return (min(first, last), max(first, last))
        }
    }

    /// The reference lines: their values and texts.
    static func lines(_ annotations: [ChartAnnotation]) -> [(value: Double, text: String)] {
        annotations.compactMap { note in note.value.flatMap { $0.isFinite ? ($0, note.text) : nil } }
    }

    /// The band of a span's last category: nil for a note without a span, -1 when it is not on the chart.
    private static func spanEnd(_ note: ChartAnnotation, bands: [String]) -> Int? {
        guard let through = note.through else { return nil }
        return band(through, in: bands) ?? -1
    }

    static func band(_ category: String, in bands: [String]) -> Int? {
        let key = category.trimmingCharacters(in: .whitespaces)
        return bands.firstIndex(of: category) ?? bands.firstIndex { $0.trimmingCharacters(in: .whitespaces) == key }
    }
}
