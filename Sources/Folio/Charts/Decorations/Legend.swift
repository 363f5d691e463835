/// A one-or-more-row legend of swatches and series names, left-aligned above the plot.
struct Legend: Sendable {
    struct Entry: Sendable {
        let item: LegendItem
        let text: String
        let x: Double
        let row: Int
    }

    let entries: [Entry]
    let rows: Int

    static let swatch = 12.0

    init(items: [LegendItem], width: Double) {
        let size = ChartCanvas.labelSize
        var x = 0.0
        var row = 0
        var entries: [Entry] = []
        for item in items {
            let text = TextWrap.lines(item.name, width: width * 0.6, size: size, maxLines: 1)[0]
            let itemWidth = Self.swatch + 6 + TextMetrics.width(text, size: size)
            if x > 0, x + itemWidth > width {
                x = 0
                row += 1
            }
            entries.append(Entry(item: item, text: text, x: x, row: row))
            x += itemWidth + 18
        }
        self.entries = entries
        rows = entries.isEmpty ? 0 : row + 1
    }

    func height(_ canvas: ChartCanvas) -> Double { Double(rows) * canvas.labelLine }

    func draw(top: Double, canvas: ChartCanvas, into svg: inout SVGWriter) {
        guard !entries.isEmpty else { return }
        let size = ChartCanvas.labelSize
        svg.group("g", [("class", .text("fc-legend"))]) { svg in
            for entry in entries {
                let rowTop = top + Double(entry.row) * canvas.labelLine
                svg.element(
                    "rect",
                    [
                        ("x", .number(entry.x)), ("y", .number(rowTop + (canvas.labelLine - Self.swatch) / 2)),
                        ("width", .number(Self.swatch)), ("height", .number(Self.swatch)),
                        ("class", .text(entry.item.colorClass)),
                    ]
                )
                svg.element(
                    "text",
                    [
                        ("x", .number(entry.x + Self.swatch + 6)),
                        ("y", .number(rowTop + canvas.labelLine / 2 + size * 0.35)), ("class", .text("fc-legend-text")),
                    ],
                    text: entry.text
                )
            }
        }
    }
}
