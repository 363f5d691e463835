/// Colour classes: the stylesheet maps them to Okabe–Ito custom properties.
enum ChartPalette {
    static let count = 7

    static func slot(_ series: Int) -> Int { series % count + 1 }
    static func fill(_ series: Int) -> String { "fc-fill-\(slot(series))" }
    static func stroke(_ series: Int) -> String { "fc-stroke-\(slot(series))" }
    static func text(_ series: Int) -> String { "fc-text-\(slot(series))" }
}
