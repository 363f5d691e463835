import FolioCore
import FolioData

extension DatasetLibrary {
    /// The dataset a block or inline value names, or an error listing the datasets there are.
    func dataset(_ name: String, at location: SourceLocation) throws(Diagnostic) -> Dataset {
        guard let dataset = self[name] else { throw Diagnostic(at: location, BlockIssue.unknownDataset(name, known: names)) }
        return dataset
    }
}

extension Dataset {
    /// The index of a column a block names, or an error listing the dataset's columns.
    func columnIndex(_ reference: ColumnReference) throws(Diagnostic) -> Int {
        guard let index = columnIndex(named: reference.name) else {
            throw Diagnostic(at: reference.location, BlockIssue.unknownColumn(reference.name, dataset: name, known: columns.map(\.name)))
        }
        return index
    }

    /// A value column: it must exist and be numeric.
    func numericColumnIndex(_ reference: ColumnReference) throws(Diagnostic) -> Int {
        let index = try columnIndex(reference)
        guard columns[index].isNumeric || rows.allSatisfy({ $0.cells[index].isMissing }) else {
            throw Diagnostic(at: reference.location, BlockIssue.textColumn(reference.name, dataset: name))
        }
        return index
    }

    /// The rows for which every condition holds.
    func rows(where conditions: [RowCondition]) throws(Diagnostic) -> [DatasetRow] {
        var checks: [(Int, String)] = []
        for condition in conditions { checks.append((try columnIndex(condition.column), condition.value)) }
        return rows.filter { row in checks.allSatisfy { CellMatch.matches(row.cells[$0.0], $0.1) } }
    }

    /// The rows for which every condition holds; none is an error at the first condition (or at
    /// the block's fence when there is no `where`).
    func rows(where conditions: [RowCondition], block: SourceLocation) throws(Diagnostic) -> [DatasetRow] {
        let found = try rows(where: conditions)
        guard !found.isEmpty else { throw Diagnostic(at: conditions.first?.column.location ?? block, BlockIssue.emptyDataset(name)) }
        return found
    }
}

/// How a selector's value is compared with a cell: as numbers when both are numbers, else as text.
enum CellMatch {
    static func matches(_ cell: DatasetCell, _ value: String) -> Bool {
        if let number = cell.number, let wanted = NumberText.value(value) { return number == wanted }
        return cell.text == value
    }
}
