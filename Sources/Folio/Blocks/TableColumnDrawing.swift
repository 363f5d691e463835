import FolioCharts
import FolioCore
import FolioData
import FolioFormat
import FolioYAML

/// What a table column draws in its cells beside the number: an in-cell bar, a heat shade, or a
/// sparkline across other columns.
public enum TableColumnDrawing: Equatable, Sendable {
    case bar
    case heat
    case spark([ColumnReference])

    static let keys = ["bar", "heat", "spark"]

    /// The column whose value a sparkline's cell shows: its last.
    var sparkKey: ColumnReference? {
        guard case .spark(let columns) = self else { return nil }
        return columns.last
    }

    /// Reads `bar`, `heat` and `spark` of one table column: at most one of them; a sparkline
    /// needs a `label` and takes no `key`.
    static func read(_ fields: inout YAMLFields) -> TableColumnDrawing? {
        let bar = fields.bool("bar") ?? false
        let heat = fields.bool("heat") ?? false
        let chosen = [("bar", bar), ("heat", heat), ("spark", fields.has("spark"))].filter(\.1).map(\.0)
        if chosen.count > 1 {
            fields.problems.add(
                Diagnostic(at: fields.keyLocation(chosen[1]), BlockIssue.tableDrawings(first: chosen[0], second: chosen[1])))
            return nil
        }
        guard fields.has("spark") else { return bar ? .bar : heat ? .heat : nil }
        if fields.has("key") { fields.problems.add(Diagnostic(at: fields.keyLocation("key"), BlockIssue.sparkWithKey)) }
        if !fields.has("label") { fields.missing("label") }
        let expected = "a list of at least two columns"
        guard let items = fields.list("spark", expected: expected) else { return nil }
        let columns = items.compactMap { item in item.nonNullText.map { ColumnReference(name: $0, location: item.location) } }
        guard columns.count == items.count, columns.count >= 2 else {
            fields.wrongType("spark", expected: expected)
            return nil
        }
        return .spark(columns)
    }

    /// The drawing of one shown column in each of `rows`, checked against `dataset`: the columns it
    /// draws must hold numbers; `format` (the column's) formats a sparkline's values in its title.
    func cells(
        _ rows: [DatasetRow], column: Int, dataset: Dataset, format: NumberFormat?, location: SourceLocation
    ) throws(Diagnostic) -> [TableCellDecoration?] {
        switch self {
        case .bar:
            let index = try dataset.numericColumnIndex(ColumnReference(name: dataset.columns[column].name, location: location))
            return Self.beside(TableCellGraphics.bars(rows.map { $0.cells[index].number }), rows: rows, column: column, format: format)
        case .heat:
            let index = try dataset.numericColumnIndex(ColumnReference(name: dataset.columns[column].name, location: location))
            return TableCellGraphics.heatClasses(rows.map { $0.cells[index].number }).map { $0.map { TableCellDecoration(className: $0) } }
        case .spark(let columns):
            var indices: [Int] = []
            for reference in columns { indices.append(try dataset.numericColumnIndex(reference)) }
            let sparks = rows.map { row in
                let values = indices.map { row.cells[$0].number }
                let words = indices.map { index in
                    let cell = row.cells[index]
                    let shown = cell.isMissing ? "\u{2013}" : cell.number.flatMap { format?.format($0) } ?? cell.text
                    return "\(ColumnLabel.of(dataset.columns[index])) \(shown)"
                }
                return TableCellGraphics.sparkline(values, title: words.joined(separator: ", "))
            }
            return Self.beside(sparks, rows: rows, column: column, format: format)
        }
    }

    /// Each graphic just left of its cell's number, the number in a box as wide as the column's
    /// widest, so that the graphics of a column line up whatever each number's width.
    private static func beside(_ graphics: [String?], rows: [DatasetRow], column: Int, format: NumberFormat?) -> [TableCellDecoration?] {
        let widest = rows.map { row in
            let cell = row.cells[column]
            return cell.isMissing ? 1 : (cell.number.flatMap { format?.format($0) } ?? cell.text).count
        }.max()
        let box = "<span class=\"cell-graphic-value\" style=\"min-width: \(max(1, widest ?? 1))ch\">"
        return graphics.map { graphic in
            graphic.map { TableCellDecoration(leading: "<span class=\"cell-graphic\">" + $0 + box, trailing: "</span></span>") }
        }
    }
}
