import FolioFormat

/// An axis-aligned rectangle in viewBox units.
struct Rect: Sendable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    /// Whether the two boxes share area, with `margin` of clearance.
    func overlaps(_ other: Rect, margin: Double = 1) -> Bool {
        x < other.x + other.width + margin && other.x < x + width + margin
            && y < other.y + other.height + margin && other.y < y + height + margin
    }

    var attributes: [(String, SVGValue)] {
        [("x", .number(x)), ("y", .number(y)), ("width", .number(width)), ("height", .number(height))]
    }
}

/// The laid-out plot area a mark draws into: scales, orientation and the chart's format.
/// Geometry helpers take (band position, value) so marks never branch on orientation.
public struct Plot: Sendable {
    let canvas: ChartCanvas
    /// Where each category lies along the band axis.
    public let band: BandScale
    /// Where each value lies along the value axis.
    public let value: LinearScale
    public let isHorizontal: Bool
    public let format: NumberFormat
    /// Whether the chart asks for direct value labels.
    public let labels: Bool
    let left: Double
    let top: Double
    let right: Double
    let bottom: Double
    /// The width reserved right of the plot for line-end labels.
    let trailingWidth: Double

    /// A bar across `start..<start + thickness` on the band axis, from value `a` to value `b`.
    func bar(start: Double, thickness: Double, from a: Double, to b: Double) -> Rect {
        let p = value(a)
        let q = value(b)
        if isHorizontal {
            return Rect(x: min(p, q), y: start, width: abs(q - p), height: thickness)
        }
        return Rect(x: start, y: min(p, q), width: thickness, height: abs(q - p))
    }

    /// The point at band position `position` and value `v`, as (x, y).
    public func point(_ position: Double, _ v: Double) -> (x: Double, y: Double) {
        isHorizontal ? (value(v), position) : (position, value(v))
    }

    /// Where the label of a mark ending at `v` goes: beyond its end, on the side of its sign.
    /// `room` is the space across the band the label may take; nil when it does not fit.
    func labelAnchor(
        _ text: String, at position: Double, value v: Double, below: Bool, room: Double
    )
        -> (x: Double, y: Double, anchor: String)?
    {
        let size = ChartCanvas.labelSize
        let width = TextMetrics.width(text, size: size)
        let end = value(v)
        if isHorizontal {
            guard room >= size * 0.9 else { return nil }
            let y = position + size * 0.35
            return below ? (end - 6, y, "end") : (end + 6, y, "start")
        }
        guard width <= room else { return nil }
        return below ? (position, end + 6 + size * 0.75, "middle") : (position, end - 6, "middle")
    }

    /// The box a label drawn at `anchor` covers, for collision checks.
    func labelBox(_ text: String, at anchor: (x: Double, y: Double, anchor: String)) -> Rect {
        let size = ChartCanvas.labelSize
        let width = TextMetrics.width(text, size: size)
        let left: Double
        switch anchor.anchor {
        case "middle": left = anchor.x - width / 2
        case "end": left = anchor.x - width
        default: left = anchor.x
        }
        return Rect(x: left, y: anchor.y - size * 0.8, width: width, height: size)
    }

    /// Draws a value label with a halo in the background colour, unless it does not fit `room`.
    public func drawLabel(
        _ text: String, at position: Double, value v: Double, below: Bool, room: Double, into svg: inout SVGWriter
    ) {
        guard let anchor = labelAnchor(text, at: position, value: v, below: below, room: room) else { return }
        svg.element(
            "text",
            [
                ("x", .number(anchor.x)), ("y", .number(anchor.y)), ("class", .text("fc-label fc-halo")),
                ("text-anchor", .text(anchor.anchor)),
            ],
            text: text
        )
    }
}
