import Foundation

/// A block of left-aligned text in the note size: the chart's caveat or its source line.
struct TextBlock: Sendable {
    let lines: [String]
    let size: Double
    let className: String

    init(_ text: String?, width: Double, size: Double, className: String, maxLines: Int = 4) {
        self.size = size
        self.className = className
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            lines = []
            return
        }
        lines = TextWrap.lines(text, width: width, size: size, maxLines: maxLines, bold: className == "fc-title")
    }

    var height: Double { Double(lines.count) * ChartCanvas.lineHeight(size) }

    func draw(x: Double, top: Double, into svg: inout SVGWriter) {
        guard !lines.isEmpty else { return }
        svg.text(lines, x: x, y: top + size * 0.8, lineHeight: ChartCanvas.lineHeight(size), [("class", .text(className))])
    }
}
