import FolioCharts
import FolioCore

/// The HTML around a chart on its page: title and subtitle, the SVG, the source line with the
/// download links, and the same numbers as a table, collapsed.
enum ChartFigure {
    static func html(
        _ chart: RenderedChart, spec: ChartSpec, id: String, sourceLine: Source?, csvLink: String, svgLink: String
    ) -> String {
        var html = "<figure class=\"chart\" id=\"\(id)\" aria-labelledby=\"\(id)-heading\">\n"
        html += "<figcaption class=\"chart-head\"><span class=\"chart-title\" id=\"\(id)-heading\">\(Escape.html(spec.title))</span>"
        if let subtitle = spec.subtitle { html += "<span class=\"chart-subtitle\">\(Escape.html(subtitle))</span>" }
        html += "</figcaption>\n<div class=\"chart-graphic\">\(chart.inlineHTML)</div>\n"
        html += "<p class=\"chart-source\">"
        if let sourceLine { html += sourceLine.html + ". " }
        html +=
            "<a href=\"\(Escape.html(csvLink))\" download>Get the data</a> · <a href=\"\(Escape.html(svgLink))\">Download the chart (SVG)</a></p>\n"
        html += "<details class=\"chart-data\"><summary>Show the numbers</summary>\n"
        html += DataTableHTML.html(header: chart.table.header, rows: chart.table.rows, numericFrom: 1, caption: nil)
        html += "</details>\n</figure>\n"
        return html
    }
}

/// An HTML table: text cells left-aligned, numeric cells right-aligned with tabular figures.
enum DataTableHTML {
    static func html(header: [String], rows: [[String]], numericFrom: Int, caption: String?, numericColumns: Set<Int>? = nil) -> String {
        func isNumeric(_ column: Int) -> Bool { numericColumns?.contains(column) ?? (column >= numericFrom) }
        var html = "<div class=\"table-wrap\"><table>\n"
        if let caption { html += "<caption>\(Escape.html(caption))</caption>\n" }
        html += "<thead><tr>"
        for (column, title) in header.enumerated() {
            html += "<th scope=\"col\"\(isNumeric(column) ? " class=\"num\"" : "")>\(Escape.html(title))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (column, cell) in row.enumerated() {
                if column == 0, numericColumns == nil {
                    html += "<th scope=\"row\">\(Escape.html(cell))</th>"
                } else {
                    html += "<td\(isNumeric(column) ? " class=\"num\"" : "")>\(Escape.html(cell))</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }
}
