import FolioTestSupport

@testable import FolioCharts

/// The box a drawn `<text>` covers, from its anchor, baseline and the layout's own width estimate.
struct TextBox: Equatable, CustomStringConvertible {
    let text: String
    let left: Double
    let right: Double
    let top: Double
    let bottom: Double

    init(_ element: SVGElement, size: Double = ChartCanvas.labelSize) {
        let width = TextMetrics.width(element.text, size: size)
        let x = element.number("x")
        let y = element.number("y")
        switch element.attributes["text-anchor"] {
        case "middle": (left, right) = (x - width / 2, x + width / 2)
        case "end": (left, right) = (x - width, x)
        default: (left, right) = (x, x + width)
        }
        // Cap height above the baseline, descenders below it.
        (top, bottom) = (y - size * 0.8, y + size * 0.2)
        text = element.text
    }

    init(text: String, left: Double, right: Double, top: Double, bottom: Double) {
        (self.text, self.left, self.right, self.top, self.bottom) = (text, left, right, top, bottom)
    }

    func intersects(_ other: TextBox) -> Bool {
        left < other.right && other.left < right && top < other.bottom && other.top < bottom
    }

    var description: String { "'\(text)' [\(left)…\(right)] × [\(top)…\(bottom)]" }

    /// The boxes of every single-line `<text>` of `className` in `svg`.
    static func all(_ className: String, in svg: String) -> [TextBox] {
        SVGElement.all("text", class: className, in: svg).filter { !$0.text.isEmpty }.map { TextBox($0) }
    }

    /// Every pair of boxes that intersect.
    static func overlaps(_ boxes: [TextBox]) -> [(TextBox, TextBox)] {
        var found: [(TextBox, TextBox)] = []
        for (index, box) in boxes.enumerated() {
            for other in boxes[(index + 1)...] where box.intersects(other) { found.append((box, other)) }
        }
        return found
    }
}
