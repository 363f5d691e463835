/// The sequential scale of `heat` table cells: one blue hue whose lightness alone carries the value
/// (readable with any colour vision), dark values darkest in the light theme and lightest in the
/// dark one. Each step sets its text colour too, for a contrast of at least 4.5:1 in both themes.
public enum HeatScale {
    public static let steps = 5

    /// Background and text, lowest value first.
    public static let light: [(background: String, text: String)] = [
        ("#EFF3FF", "#1A1A1A"), ("#C6DBEF", "#1A1A1A"), ("#6BAED6", "#1A1A1A"), ("#2171B5", "#FFFFFF"), ("#08306B", "#FFFFFF"),
    ]
    public static let dark: [(background: String, text: String)] = [
        ("#1B2A3D", "#E8E8E8"), ("#1F4A75", "#FFFFFF"), ("#2D6DA8", "#FFFFFF"), ("#6BAED6", "#111111"), ("#C6DBEF", "#111111"),
    ]

    /// The step (1...steps) of `value` on the range `lower...upper`; a range of one value is the middle step.
    static func step(_ value: Double, lower: Double, upper: Double) -> Int {
        guard upper > lower else { return (steps + 1) / 2 }
        return min(steps, 1 + Int(((value - lower) / (upper - lower) * Double(steps)).rounded(.down)))
    }

    static func css(_ colours: [(background: String, text: String)]) -> String {
        colours.enumerated().map { index, colour in
            ".cell-heat-\(index + 1) { background: \(colour.background); color: \(colour.text); }"
        }.joined(separator: "\n")
    }
}
