/// The CSS of table cell graphics (`bar`, `heat`, `spark`), light values then dark ones under
/// `prefers-color-scheme`; the page's chart stylesheet carries it.
enum TableCellStylesheet {
    static var css: String {
        let light = ChartStylesheet.light.reduce(into: [String: String]()) { $0[$1.0] = $1.1 }
        let dark = ChartStylesheet.dark.reduce(into: [String: String]()) { $0[$1.0] = $1.1 }
        return """
            /* A bar or sparkline just left of its number, whose box is as wide as the column's widest: they line up */
            .cell-graphic { display: inline-flex; align-items: center; gap: 0.5rem; }
            .cell-graphic-value { display: inline-block; text-align: right; }
            .cell-bar { width: 4.5rem; height: 0.8em; overflow: visible; }
            .cell-bar-fill { fill: \(ChartStylesheet.lightSeries[0]); }
            .cell-bar-negative { fill: \(light["negative"] ?? ""); }
            .cell-bar-zero { stroke: \(light["axis"] ?? ""); stroke-width: 1.5; }
            td.cell-heat { padding-left: 0.6rem; padding-right: 0.6rem; }
            \(HeatScale.css(HeatScale.light))
            .cell-spark { display: block; overflow: visible; }
            .cell-spark-line { fill: none; stroke: \(light["text-muted"] ?? ""); stroke-width: 1.5; stroke-linejoin: round; stroke-linecap: round; }
            .cell-spark-end { fill: \(ChartStylesheet.lightSeries[0]); }
            @media (prefers-color-scheme: dark) {
              .cell-bar-fill, .cell-spark-end { fill: \(ChartStylesheet.darkSeries[0]); }
              .cell-bar-negative { fill: \(dark["negative"] ?? ""); }
              .cell-bar-zero { stroke: \(dark["axis"] ?? ""); }
              .cell-spark-line { stroke: \(dark["text-muted"] ?? ""); }
            \(HeatScale.css(HeatScale.dark).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            }

            """
    }
}
