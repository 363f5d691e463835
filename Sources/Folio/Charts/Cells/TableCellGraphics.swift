/// What a table column draws in its cells beside the number, which stays as text (`bar`, `heat`,
/// `spark`). Each returns markup to put before the cell's text; none is read aloud but a sparkline's title.
public enum TableCellGraphics {
    static let barWidth = 100.0
    static let barHeight = 12.0

    /// One in-cell bar per value, all on the column's zero-based scale: a negative value runs left
    /// of the zero line, which every bar draws. A missing value draws nothing.
    public static func bars(_ values: [Double?]) -> [String?] {
        let known = values.compactMap { $0 }.filter(\.isFinite)
        let lower = min(0, known.min() ?? 0)
        let upper = max(0, known.max() ?? 0)
        let span = upper - lower
        func x(_ value: Double) -> Double { span > 0 ? (value - lower) / span * barWidth : 0 }
        let zero = x(0)
        return values.map { value in
            guard let value, value.isFinite else { return nil }
            var svg = SVGWriter()
            svg.group(
                "svg",
                [
                    ("class", .text("cell-bar")), ("viewBox", .text("0 0 \(SVGNumber.text(barWidth)) \(SVGNumber.text(barHeight))")),
                    ("preserveAspectRatio", .text("none")), ("aria-hidden", .text("true")), ("focusable", .text("false")),
                ]
            ) { svg in
                let end = x(value)
                svg.element(
                    "rect",
                    [
                        ("x", .number(min(zero, end))), ("y", .number(2)), ("width", .number(abs(end - zero))),
                        ("height", .number(barHeight - 4)),
                        ("class", .text(value < 0 ? "cell-bar-fill cell-bar-negative" : "cell-bar-fill")),
                    ])
                svg.element(
                    "line",
                    [
                        ("x1", .number(zero)), ("y1", .number(0)), ("x2", .number(zero)), ("y2", .number(barHeight)),
                        ("class", .text("cell-bar-zero")), ("vector-effect", .text("non-scaling-stroke")),
                    ])
            }
            return svg.output.asOneLine
        }
    }

    /// Each value's heat step (1 lightest to `HeatScale.steps` darkest in the light theme) on the
    /// column's range, as the cell's class; a missing value has none.
    public static func heatClasses(_ values: [Double?]) -> [String?] {
        let known = values.compactMap { $0 }.filter(\.isFinite)
        guard let lower = known.min(), let upper = known.max() else { return values.map { _ in nil } }
        return values.map { value in
            guard let value, value.isFinite else { return nil }
            return "cell-heat cell-heat-\(HeatScale.step(value, lower: lower, upper: upper))"
        }
    }

    static let sparkWidth = 64.0
    static let sparkHeight = 18.0

    /// A sparkline of one row's values on its own range, its last value marked; `title` (every
    /// value in words) is its accessible name and tooltip. Fewer than two values draw nothing.
    public static func sparkline(_ values: [Double?], title: String) -> String? {
        let points = values.enumerated().compactMap { index, value in value.flatMap { $0.isFinite ? (index, $0) : nil } }
        guard points.count >= 2, let lower = points.map(\.1).min(), let upper = points.map(\.1).max(), let last = points.last else {
            return nil
        }
        let inset = 3.0
        func x(_ index: Int) -> Double { inset + Double(index) / Double(max(1, values.count - 1)) * (sparkWidth - 2 * inset) }
        func y(_ value: Double) -> Double {
            upper > lower ? sparkHeight - inset - (value - lower) / (upper - lower) * (sparkHeight - 2 * inset) : sparkHeight / 2
        }
        var svg = SVGWriter()
        svg.group(
            "svg",
            [
                ("class", .text("cell-spark")), ("viewBox", .text("0 0 \(SVGNumber.text(sparkWidth)) \(SVGNumber.text(sparkHeight))")),
                ("width", .number(sparkWidth)), ("height", .number(sparkHeight)), ("role", .text("img")),
            ]
        ) { svg in
            svg.element("title", [], text: title)
            let line = points.map { "\(SVGNumber.text(x($0.0))),\(SVGNumber.text(y($0.1)))" }.joined(separator: " ")
            svg.element("polyline", [("points", .text(line)), ("class", .text("cell-spark-line"))])
            // The end dot marks the value the cell shows: only when the last column has one.
            if last.0 == values.count - 1 {
                svg.element(
                    "circle",
                    [("cx", .number(x(last.0))), ("cy", .number(y(last.1))), ("r", .number(2.5)), ("class", .text("cell-spark-end"))])
            }
        }
        return svg.output.asOneLine
    }
}

extension String {
    /// The writer's lines joined without their breaks and indents, to sit inside one table cell.
    fileprivate var asOneLine: String { split(separator: "\n").map { $0.drop { $0 == " " } }.joined() }
}
