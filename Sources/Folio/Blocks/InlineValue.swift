import FolioCore
import FolioData
import FolioFormat

/// An inline value in prose: one cell (or a low–high pair) as `<data value="…">formatted</data>`.
enum InlineValue {
    /// `own`: the page made from data whose own rows the selectors pick (`[company=@company]`).
    static func render(
        _ expression: InlineValueExpression, datasets: DatasetLibrary, language: String = "en", at location: SourceLocation,
        own: RowBindings? = nil
    ) throws(Diagnostic) -> (html: String, text: String, sources: [Source]) {
        let dataset = try datasets.dataset(expression.dataset, at: location)
        var indices: [Int] = []
        for column in expression.columns {
            indices.append(try dataset.columnIndex(ColumnReference(name: column, location: location)))
        }
        // A low–high range is of numbers: `=d.name..note[…]` would join two texts with a dash.
        if indices.count == 2, let text = indices.first(where: { !dataset.columns[$0].isNumeric }) {
            throw Diagnostic(at: location, BlockIssue.textColumn(dataset.columns[text].name, dataset: dataset.name))
        }
        let row = try selectRow(expression, in: dataset, at: location, among: own?.candidates(in: dataset))
        let cells = indices.map { row.cells[$0] }
        for (cell, index) in zip(cells, indices) where cell.isMissing {
            throw Diagnostic(at: location, BlockIssue.emptyCell(column: dataset.columns[index].name, selector: expression.selectorText))
        }
        let format = (expression.format ?? dataset.columns[indices[0]].unitFormat)?.written(in: NumberLanguage.forCode(language))
        let value = cells.count == 1 ? cells[0].text : cells.map(\.text).joined(separator: "..")
        var shown = cells.count == 2 ? cells[0].text + "\u{2013}" + cells[1].text : cells[0].text
        if let format {
            let numbers = try zip(cells, indices).map { (pair) throws(Diagnostic) -> Double in
                guard let number = pair.0.number else {
                    throw Diagnostic(at: location, BlockIssue.notANumberCell(column: dataset.columns[pair.1].name, value: pair.0.text))
                }
                return number
            }
            shown = numbers.count == 2 ? format.formatRange(numbers[0], numbers[1]) : format.format(numbers[0])
        }
        let sources = datasets.citedSources(of: dataset, rows: [row], columns: expression.columns) ?? []
        return ("<data value=\"\(Escape.html(value))\">\(Escape.html(shown))</data>", shown, sources)
    }

    /// The one row the selectors pick: every comparison holds, then `[last]` keeps the last of those.
    static func selectRow(
        _ expression: InlineValueExpression, in dataset: Dataset, at location: SourceLocation, among candidates: [DatasetRow]? = nil
    ) throws(Diagnostic) -> DatasetRow {
        let (comparisons, last) = try dataset.comparisons(
            expression.selectors, valueLocations: expression.valueLocations, at: location)
        // `[last]` applies after the comparisons, wherever it is written.
        let rows = dataset.rows(matching: comparisons, last: last, among: candidates)
        guard let row = rows.first else {
            throw Diagnostic(at: location, BlockIssue.noRowMatches(selector: expression.selectorText, dataset: dataset.name))
        }
        guard rows.count == 1 else {
            throw Diagnostic(
                at: location, BlockIssue.severalRowsMatch(selector: expression.selectorText, dataset: dataset.name, count: rows.count))
        }
        return row
    }
}
