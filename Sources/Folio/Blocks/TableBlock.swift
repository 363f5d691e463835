import FolioCore
import FolioData
import FolioFormat

/// A `table` block rendered against its dataset.
enum TableBlock {
    /// The most rows a table shows on a page; a longer one needs `limit:` (README "Bounds").
    static let rowLimit = 1_000

    /// The table's HTML, and its cells as shown (header row first) for the change report.
    /// `pageLink` resolves a column's `link:` to the pages made from data (`companies/[company].md`);
    /// `own` is the page made from data whose own rows the table's `where:` reads.
    static func render(
        _ request: TableRequest, dataset: Dataset, library: DatasetLibrary, language: String = "en",
        pageLink: RowPageLink.Resolve? = nil, own: RowBindings? = nil
    ) throws(Diagnostics) -> (html: String, cells: [[String]]) {
        var problems = DiagnosticCollector()
        let requested =
            request.columns
            ?? dataset.columns.map {
                TableColumnRequest(key: ColumnReference(name: $0.name, location: request.location), label: nil, format: nil)
            }
        var columns: [(index: Int, label: String, format: NumberFormat?, link: Int?)] = []
        var pageLinks: [Int: RowPageLink] = [:]
        for column in requested {
            guard let index = problems.capture({ () throws(Diagnostic) in try dataset.columnIndex(column.key) }) else { continue }
            let page = column.link.flatMap { reference in RowPageLink.column(in: reference.name).map { (reference, $0) } }
            if let (reference, name) = page {
                pageLinks[columns.count] = problems.capture { () throws(Diagnostic) in
                    try RowPageLink(reference, column: name, in: dataset)
                }
            }
            let link = column.link.flatMap { reference in
                page != nil ? nil : problems.capture { () throws(Diagnostic) in try dataset.columnIndex(reference) }
            }
            let info = dataset.columns[index]
            let format = (column.format ?? info.unitFormat)?.written(in: NumberLanguage.forCode(language))
            columns.append((index, column.label ?? ColumnLabel.of(info, in: language), info.isNumeric ? format : nil, link))
        }
        var rows =
            problems.capture { () throws(Diagnostic) in
                try dataset.rows(where: request.conditions, block: request.location, among: own?.candidates(in: dataset))
            } ?? []
        let sortIndex = request.sortKey.flatMap { key in problems.capture { () throws(Diagnostic) in try dataset.columnIndex(key) } }
        try problems.throwIfAny()
        let total = rows.count
        // Refused before sorting: a table too long to show is not worth ordering.
        if request.limit == nil, total > rowLimit {
            throw Diagnostics([Diagnostic(at: request.data.location, BlockIssue.tooManyTableRows(count: total, limit: rowLimit))])
        }
        if let sortIndex { rows = TableSort.sorted(rows, by: sortIndex, descending: request.sortDescending) }
        if let limit = request.limit { rows = Array(rows.prefix(limit)) }
        let header = columns.map(\.label)
        let body = rows.map { row in
            columns.map { column -> String in
                let cell = row.cells[column.index]
                if cell.isMissing { return "\u{2013}" }
                if let format = column.format, let number = cell.number { return format.format(number) }
                return cell.text
            }
        }
        let numeric = Set(columns.indices.filter { dataset.columns[columns[$0].index].isNumeric })
        let decorations = try TableDrawings.cells(requested, columns: columns.map { ($0.index, $0.format) }, rows: rows, dataset: dataset)
        var html = "<figure class=\"data-table\">\n"
        var links = rows.map { row in
            columns.map { column in column.link.map { row.cells[$0].text }.flatMap { SafeLink.isSafe($0) ? $0 : nil } }
        }
        if let pageLink {
            for (position, link) in pageLinks {
                for (number, url) in try link.urls(of: rows, resolve: pageLink).enumerated() { links[number][position] = url }
            }
        }
        html += DataTableHTML.html(
            header: header, rows: body, numericFrom: 0, caption: request.caption, numericColumns: numeric, links: links,
            decorations: decorations)
        // A row cites its sources for the values it shows; a table of text cites them for its rows.
        let values = columns.filter { dataset.columns[$0.index].isNumeric }.map { dataset.columns[$0.index].name }
        let shown = values.isEmpty ? columns.map { dataset.columns[$0.index].name } : values
        let citation = Citation.of(block: request.source, dataset: dataset, rows: rows, columns: shown, library: library)
        let shownOf = rows.count < total ? "The first \(DecimalText.count(rows.count)) of \(DecimalText.count(total)) rows." : nil
        let note = [shownOf, citation.map { "\($0.html)." }].compactMap { $0 }
        if !note.isEmpty {
            html += "<p class=\"chart-source\">\(note.joined(separator: " "))</p>\n"
        }
        return (html + "</figure>\n", [header] + body)
    }
}

/// The cell graphics of a table's drawing columns, by shown column.
enum TableDrawings {
    /// `requested` and `columns` pair up: every requested column was found (else rendering stopped earlier).
    static func cells(
        _ requested: [TableColumnRequest], columns: [(index: Int, format: NumberFormat?)], rows: [DatasetRow], dataset: Dataset
    ) throws(Diagnostics) -> [Int: [TableCellDecoration?]] {
        var problems = DiagnosticCollector()
        var cells: [Int: [TableCellDecoration?]] = [:]
        for (position, (request, column)) in zip(requested, columns).enumerated() {
            guard let drawing = request.drawing else { continue }
            cells[position] = problems.capture { () throws(Diagnostic) in
                try drawing.cells(rows, column: column.index, dataset: dataset, format: column.format, location: request.key.location)
            }
        }
        try problems.throwIfAny()
        return cells
    }
}

/// Stable sorting of rows by one column: numbers as numbers, text as text, missing cells last.
enum TableSort {
    static func sorted(_ rows: [DatasetRow], by column: Int, descending: Bool) -> [DatasetRow] {
        let indexed = Array(rows.enumerated())
        return indexed.sorted { left, right in
            let a = left.element.cells[column]
            let b = right.element.cells[column]
            if a.isMissing != b.isMissing { return !a.isMissing }
            if a.isMissing || a == b { return left.offset < right.offset }
            let ascending: Bool
            if let x = a.number, let y = b.number {
                if x == y { return left.offset < right.offset }
                ascending = x < y
            } else {
                if a.text == b.text { return left.offset < right.offset }
                ascending = Array(a.text.utf8).lexicographicallyPrecedes(Array(b.text.utf8))
            }
            return descending ? !ascending : ascending
        }.map(\.element)
    }
}
