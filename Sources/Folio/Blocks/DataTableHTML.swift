import FolioCore

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
