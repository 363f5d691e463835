/// The CSS of table cell graphics (`bar`, `heat`, `spark`), light values then dark ones under
/// `prefers-color-scheme`; the page's chart stylesheet carries it.
enum TableCellStylesheet {
    static var css: String {
        let light = ChartStylesheet.light.reduce(into: [String: String]()) { $0[$1.0] = $1.1 }
        let dark = ChartStylesheet.dark.reduce(into: [String: String]()) { $0[$1.0] = $1.1 }
        return """
            /* Floated to the cell's left edge, so every bar of a column starts from one zero whatever its number's width */
            .cell-bar { float: left; width: 4.5rem; height: 0.8em; margin: 0.3em 0.75rem 0 0; overflow: visible; }
            .cell-bar-fill { fill: \(ChartStylesheet.lightSeries[0]); }
            .cell-bar-negative { fill: \(light["negative"] ?? ""); }
            .cell-bar-zero { stroke: \(light["axis"] ?? ""); stroke-width: 1.5; }
            td.cell-heat { padding-left: 0.6rem; padding-right: 0.6rem; }
            \(HeatScale.css(HeatScale.light))
            .cell-spark { display: inline-block; margin-right: 0.4rem; vertical-align: middle; overflow: visible; }
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
