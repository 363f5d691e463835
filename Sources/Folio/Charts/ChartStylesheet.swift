/// Chart CSS: every colour is a custom property with a light and a dark value, so the page's
/// theme restyles charts; marks and text only carry classes. Text contrast ≥ 4.5:1 in both.
enum ChartStylesheet {
    /// Okabe–Ito, in order: blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow.
    static let lightSeries = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442"]
    /// The same hues darkened until text in them reaches 4.5:1 on white.
    static let lightSeriesText = ["#0072B2", "#8A5A00", "#00795A", "#B34A00", "#A3437F", "#1F6F9C", "#806F00"]
    /// On dark, blue is lightened (3.4:1 → 5.9:1); the other hues already pass as text.
    static let darkSeries = ["#3D9BE0", "#E69F00", "#009E73", "#E0712A", "#CC79A7", "#56B4E9", "#F0E442"]

    static let light: [(String, String)] = [
        ("bg", "#FFFFFF"), ("text", "#1A1A1A"), ("text-muted", "#5C5C5C"), ("grid", "#E3E3E3"),
        ("axis", "#333333"), ("negative", "#D55E00"), ("total", "#5C5C5C"), ("context", "#9A9A9A"),
    ]
    static let dark: [(String, String)] = [
        ("bg", "#16181D"), ("text", "#E8E8E8"), ("text-muted", "#A8ADB5"), ("grid", "#2E323A"),
        ("axis", "#C9CCD1"), ("negative", "#E0712A"), ("total", "#A8ADB5"), ("context", "#6B7079"),
    ]

    static func variables(_ base: [(String, String)], series: [String], seriesText: [String]) -> String {
        var lines = base.map { "  --chart-\($0.0): \($0.1);" }
        for (index, colour) in series.enumerated() { lines.append("  --chart-series-\(index + 1): \(colour);") }
        for (index, colour) in seriesText.enumerated() { lines.append("  --chart-series-\(index + 1)-text: \(colour);") }
        return lines.joined(separator: "\n")
    }

    static let fontStack =
        "-apple-system, BlinkMacSystemFont, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, \"Liberation Sans\", \"PingFang SC\", "
        + "\"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", sans-serif"

    static func n(_ value: Double) -> String { SVGNumber.text(value) }

    /// Classes shared by the page stylesheet and the standalone document.
    static var classes: String {
        var css = """
            .fc { font-family: var(--chart-font, \(fontStack)); font-size: \(n(ChartCanvas.labelSize))px; }
            .fc text { fill: var(--chart-text); }
            .fc .fc-tick, .fc .fc-label { font-variant-numeric: tabular-nums; }
            .fc .fc-tick { fill: var(--chart-text-muted); }
            .fc .fc-grid { stroke: var(--chart-grid); stroke-width: 1; }
            .fc .fc-zero { stroke: var(--chart-axis); stroke-width: 1; }
            .fc .fc-zero-strong { stroke-width: 2; }
            .fc .fc-halo { paint-order: stroke; stroke: var(--chart-bg); stroke-width: 4px; stroke-linejoin: round; }
            .fc .fc-end { font-weight: 600; }
            .fc .fc-annotation, .fc .fc-note, .fc .fc-source { fill: var(--chart-text-muted); font-size: \(n(ChartCanvas.noteSize))px; }
            .fc .fc-leader { stroke: var(--chart-text-muted); stroke-width: 1; }
            .fc .fc-title { font-size: \(n(ChartCanvas.titleSize))px; font-weight: 700; }
            .fc .fc-subtitle { fill: var(--chart-text-muted); font-size: \(n(ChartCanvas.subtitleSize))px; }
            .fc .fc-empty { fill: var(--chart-text-muted); }
            .fc .fc-empty-box { fill: none; stroke: var(--chart-grid); stroke-dasharray: 4 4; }
            .fc .fc-background { fill: var(--chart-bg); }
            .fc .fc-line { fill: none; stroke-width: 2.5; stroke-linejoin: round; stroke-linecap: round; }
            .fc .fc-area { fill-opacity: 0.25; }
            .fc .fc-point { stroke: var(--chart-bg); stroke-width: 1.5; }
            .fc .fc-stacked { stroke: var(--chart-bg); stroke-width: 1; }
            .fc .fc-connector { stroke: var(--chart-context); stroke-width: 1; stroke-dasharray: 3 2; }
            .fc .fc-dot { stroke: var(--chart-bg); stroke-width: 1.5; }
            .fc .fc-dot-rule { stroke: var(--chart-context); stroke-width: 3; stroke-linecap: round; }
            .fc .fc-series-name { font-weight: 600; }
            .fc .fc-facet-heading { font-weight: 600; }
            .fc .fc-arrow-shaft { stroke-width: 2.5; stroke-linecap: round; }
            .fc .fc-slice { stroke: var(--chart-bg); stroke-width: 1.5; }
            .fc .fc-donut-leader { fill: none; }
            .fc .fc-donut-name { font-weight: 600; }
            .fc .fc-donut-total { font-size: \(n(ChartCanvas.titleSize))px; font-weight: 700; }
            .fc .fc-donut-caption { fill: var(--chart-text-muted); font-size: \(n(ChartCanvas.noteSize))px; }
            .fc .fc-scatter-point { stroke: var(--chart-bg); stroke-width: 1.5; fill-opacity: 0.85; }
            .fc .fc-axis-title { fill: var(--chart-text-muted); }
            .fc .fc-reference { stroke: var(--chart-text-muted); stroke-width: 1; stroke-dasharray: 4 3; }
            .fc .fc-span { fill: var(--chart-context); fill-opacity: 0.18; }
            .fc .fc-arrow-point { stroke: var(--chart-bg); stroke-width: 1.5; }
            .fc .fc-fill-negative { fill: var(--chart-negative); }
            .fc .fc-fill-total { fill: var(--chart-total); }
            .fc .fc-fill-context { fill: var(--chart-context); }

            """
        for slot in 1...ChartPalette.count {
            css += ".fc .fc-fill-\(slot) { fill: var(--chart-series-\(slot)); }\n"
            css += ".fc .fc-stroke-\(slot) { stroke: var(--chart-series-\(slot)); }\n"
            css += ".fc .fc-text-\(slot) { fill: var(--chart-series-\(slot)-text); }\n"
        }
        return css
    }

    /// The page stylesheet: light values, dark values under `prefers-color-scheme`, and the
    /// phone layout (`.fc-compact`) replacing the desktop one below 600 px.
    static var css: String {
        """
        .fc {
        \(variables(light, series: lightSeries, seriesText: lightSeriesText))
        }
        @media (prefers-color-scheme: dark) {
          .fc {
        \(variables(dark, series: darkSeries, seriesText: darkSeries))
          }
        }
        .fc { display: block; width: 100%; height: auto; overflow: visible; }
        .fc.fc-compact { display: none; }
        .fc-facets { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 16px 24px; }
        .fc-facet-title { margin: 0 0 4px; font-family: var(--chart-font, \(fontStack)); font-size: 15px; font-weight: 600; }
        @media (max-width: 600px) {
          .fc.fc-wide { display: none; }
          .fc.fc-compact { display: block; }
        }
        \(classes)
        \(TableCellStylesheet.css)
        """
    }

    /// The standalone document's styles: the light theme only.
    static var standaloneCSS: String {
        """
        .fc {
        \(variables(light, series: lightSeries, seriesText: lightSeriesText))
        }
        \(classes)
        """
    }
}
