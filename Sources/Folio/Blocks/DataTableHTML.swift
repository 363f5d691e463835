import FolioCore

/// A graphic in a table cell beside its text (`TableColumnDrawing`): a class on the cell, and
/// markup before and after the text.
struct TableCellDecoration: Equatable, Sendable {
    var className: String? = nil
    var leading: String = ""
    var trailing: String = ""
}

/// An HTML table: text cells left-aligned, numeric cells right-aligned with tabular figures.
enum DataTableHTML {
    /// `links`: per row, per column, the URL a cell links to (a safe one: a `SafeLink`, or a link
    /// between pages); `decorations`: per column, per row, what the cell draws beside its text.
    static func html(
        header: [String], rows: [[String]], numericFrom: Int, caption: String?, numericColumns: Set<Int>? = nil, links: [[String?]] = [],
        decorations: [Int: [TableCellDecoration?]] = [:]
    ) -> String {
        func isNumeric(_ column: Int) -> Bool { numericColumns?.contains(column) ?? (column >= numericFrom) }
        var html = "<div class=\"table-wrap\"><table>\n"
        // Grown once: each cell takes its text and some 40 bytes of markup.
        html.reserveCapacity(rows.reduce(header.count * 40) { sum, row in row.reduce(sum + 16) { $0 + $1.utf8.count + 40 } })
        if let caption { html += "<caption>\(Escape.html(caption))</caption>\n" }
        html += "<thead><tr>"
        for (column, title) in header.enumerated() {
            html += "<th scope=\"col\"\(isNumeric(column) ? " class=\"num\"" : "")>\(Escape.html(title))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for (number, row) in rows.enumerated() {
            html += "<tr>"
            for (column, cell) in row.enumerated() {
                var text = Escape.html(cell)
                if number < links.count, column < links[number].count, let url = links[number][column] {
                    text = "<a href=\"\(Escape.html(url))\">\(text)</a>"
                }
                if column == 0, numericColumns == nil {
                    html += "<th scope=\"row\">\(text)</th>"
                } else {
                    let decoration = decorations[column].flatMap { number < $0.count ? $0[number] : nil }
                    let classes = (isNumeric(column) ? ["num"] : []) + (decoration?.className.map { [$0] } ?? [])
                    let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                    html += "<td\(attribute)>\(decoration?.leading ?? "")\(text)\(decoration?.trailing ?? "")</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }
}
