import FolioCore

/// An SVG attribute value: a coordinate printed at fixed precision, or text to escape.
public enum SVGValue: Sendable {
    case number(Double)
    case text(String)

    var rendered: String {
        switch self {
        case .number(let value): SVGNumber.text(value)
        case .text(let text): Escape.xml(SVGText.singleLine(text))
        }
    }
}

/// Text as one line: newlines and tabs become spaces, so markup lines never split inside text.
enum SVGText {
    static func singleLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { "\n\r\t\u{85}\u{2028}\u{2029}".unicodeScalars.contains($0) ? " " : $0 }))
    }
}

/// Builds SVG markup one element per line, escaping every attribute and text node.
public struct SVGWriter: Sendable {
    private(set) var output = ""
    private var depth = 0
    /// The boxes of the text and the bar, dot and slice marks written so far, so that a note
    /// placed afterwards can keep off them (`ReferenceLines`).
    private(set) var taken: [Rect] = []

    init(depth: Int = 0) {
        self.depth = depth
    }

    /// `<name a="…">` with the children written by `body`, then `</name>`.
    public mutating func group(_ name: String = "g", _ attributes: [(String, SVGValue)] = [], body: (inout SVGWriter) -> Void) {
        line("<\(name)\(Self.attributes(attributes))>")
        depth += 1
        body(&self)
        depth -= 1
        line("</\(name)>")
    }

    /// `<name a="…"/>`, or `<name a="…">text</name>` when there is text.
    public mutating func element(_ name: String, _ attributes: [(String, SVGValue)], text: String? = nil) {
        if name == "text", let text { taken.append(Self.textBox(text, attributes)) }
        if let text {
            line("<\(name)\(Self.attributes(attributes))>\(Escape.xml(SVGText.singleLine(text)))</\(name)>")
        } else {
            line("<\(name)\(Self.attributes(attributes))/>")
        }
    }

    /// A mark `<name a="…"><title>tooltip</title></name>`: a pointer over it shows the tooltip, no script needed.
    public mutating func mark(_ name: String, _ attributes: [(String, SVGValue)], tooltip: String) {
        if let box = Self.shapeBox(name, attributes) { taken.append(box) }
        let title = "<title>\(Escape.xml(SVGText.singleLine(tooltip)))</title>"
        line("<\(name)\(Self.attributes(attributes))>\(title)</\(name)>")
    }

    /// A `<text>` of one or more lines (as `<tspan>`s), the first line's baseline at `y`.
    mutating func text(_ lines: [String], x: Double, y: Double, lineHeight: Double, _ attributes: [(String, SVGValue)]) {
        guard lines.count > 1 else {
            element("text", [("x", .number(x)), ("y", .number(y))] + attributes, text: lines.first ?? "")
            return
        }
        group("text", [("x", .number(x)), ("y", .number(y))] + attributes) { svg in
            for (index, line) in lines.enumerated() {
                let lineAttributes = [("x", SVGValue.number(x)), ("y", .number(y + Double(index) * lineHeight))] + attributes
                svg.taken.append(Self.textBox(line, lineAttributes))
                svg.element("tspan", [("x", .number(x)), ("dy", .number(index == 0 ? 0 : lineHeight))], text: line)
            }
        }
    }

    /// Markup that is already escaped (from another writer).
    mutating func raw(_ markup: String) {
        let indent = String(repeating: "  ", count: depth)
        // Split on the byte: markup lines end in "\n" alone, and a byte scan skips grapheme breaking.
        for line in markup.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            output += indent
            output += Substring(line)
            output += "\n"
        }
    }

    private mutating func line(_ text: String) {
        for _ in 0..<depth { output += "  " }
        output += text
        output += "\n"
    }

    private static func number(_ key: String, _ attributes: [(String, SVGValue)]) -> Double? {
        for (name, value) in attributes where name == key {
            if case .number(let number) = value { return number }
        }
        return nil
    }

    private static func string(_ key: String, _ attributes: [(String, SVGValue)]) -> String? {
        for (name, value) in attributes where name == key {
            if case .text(let text) = value { return text }
        }
        return nil
    }

    /// The box a `<text>` covers, from its anchor and baseline and the estimated width; notes are smaller.
    private static func textBox(_ text: String, _ attributes: [(String, SVGValue)]) -> Rect {
        let classes = string("class", attributes) ?? ""
        let small = ["fc-annotation", "fc-note", "fc-source", "fc-donut-caption"].contains { classes.contains($0) }
        let size = small ? ChartCanvas.noteSize : ChartCanvas.labelSize
        let width = TextMetrics.width(text, size: size, bold: classes.contains("fc-end"))
        let x = number("x", attributes) ?? 0
        let y = number("y", attributes) ?? 0
        let left: Double
        switch string("text-anchor", attributes) {
        case "middle": left = x - width / 2
        case "end": left = x - width
        default: left = x
        }
        return Rect(x: left, y: y - size * 0.8, width: width, height: size)
    }

    /// The box of a rectangle or circle mark; nil for paths and lines.
    private static func shapeBox(_ name: String, _ attributes: [(String, SVGValue)]) -> Rect? {
        switch name {
        case "rect":
            guard let x = number("x", attributes), let y = number("y", attributes), let width = number("width", attributes),
                let height = number("height", attributes)
            else { return nil }
            return Rect(x: x, y: y, width: width, height: height)
        case "circle":
            guard let x = number("cx", attributes), let y = number("cy", attributes), let r = number("r", attributes) else { return nil }
            return Rect(x: x - r, y: y - r, width: 2 * r, height: 2 * r)
        default: return nil
        }
    }

    private static func attributes(_ pairs: [(String, SVGValue)]) -> String {
        pairs.map { " \($0.0)=\"\($0.1.rendered)\"" }.joined()
    }
}

/// A polyline path `M x y L x y …` at fixed precision.
enum SVGPath {
    static func polyline(_ points: [(x: Double, y: Double)], closed: Bool = false) -> String {
        var parts: [String] = []
        for (index, point) in points.enumerated() {
            parts.append((index == 0 ? "M" : "L") + SVGNumber.text(point.x) + "," + SVGNumber.text(point.y))
        }
        return parts.joined() + (closed ? "Z" : "")
    }
}
