import FolioFormat

/// The text of a mark's native `<title>`: category, series and formatted value ("2024 · Revenue: $1.92B").
enum MarkTooltip {
    /// `series` is left out when it is nil or empty (a single unnamed series).
    static func text(category: String, series: String?, value: String) -> String {
        guard let series, !series.isEmpty else { return "\(category): \(value)" }
        return "\(category) \u{00B7} \(series): \(value)"
    }

    /// The tooltip of series `s` at category `c` of `data`, formatted with `format`.
    static func text(_ data: ChartData, series s: Int, category c: Int, format: NumberFormat) -> String? {
        guard let value = data.value(s, c) else { return nil }
        return text(category: data.categories[c], series: data.series[s].name, value: format.format(value))
    }
}
