import FolioCore
import FolioData
import Foundation

/// A query's result as a dataset: named columns, numbers as plain decimals, NULL as missing.
enum ResultReader {
    static func read(
        _ statement: SQLiteStatement, name: String, meta: DatasetMeta?, path: String, engine: QueryEngine, text: SQLText
    ) throws(Diagnostic) -> Dataset {
        let count = statement.columnCount
        var names: [String] = []
        for index in 0..<count {
            let column = statement.columnName(index)
            guard statement.origin(index) != nil || isPlainName(column) else {
                throw Diagnostic(at: text.statementStart, QueryIssue.unnamedColumn(index: index + 1, written: column))
            }
            if names.contains(where: { $0.lowercased() == column.lowercased() }) {
                throw Diagnostic(at: text.statementStart, QueryIssue.repeatedColumn(column))
            }
            names.append(column)
        }
        var values: [[SQLiteValue]] = []
        engine.database.startClock()
        defer { engine.database.stopClock() }
        do {
            while try statement.step() {
                guard values.count < DerivedDatasets.rowLimit else {
                    statement.reset()
                    throw Diagnostic(at: text.statementStart, QueryIssue.rowLimit(DerivedDatasets.rowLimit))
                }
                values.append((0..<count).map(statement.value))
            }
        } catch let error as SQLiteError {
            throw engine.locate(error, in: text)
        } catch {
            throw (error as? Diagnostic) ?? Diagnostic(at: text.statementStart, QueryIssue.failed("\(error)"))
        }
        var columns: [DatasetColumn] = []
        for (index, column) in names.enumerated() {
            var isNumeric = true
            for row in values {
                switch row[index] {
                case .blob: throw Diagnostic(at: text.statementStart, QueryIssue.blobValue(column: column))
                case .real(let number) where !number.isFinite:
                    throw Diagnostic(at: text.statementStart, QueryIssue.notFinite(column: column))
                case .text: isNumeric = false
                default: break
                }
            }
            let source = statement.origin(index).flatMap { engine.sourceColumn(table: $0.table, column: $0.column) }
            columns.append(
                DatasetColumn(
                    name: column, isNumeric: isNumeric, unit: meta?.units[column] ?? source?.unit,
                    label: meta?.labels[column] ?? source?.label,
                    translatedLabels: (source?.translatedLabels ?? [:]).merging(meta?.languageLabels.compactMapValues { $0[column] } ?? [:])
                    {
                        $1
                    }))
        }
        let location = SourceLocation(path: path, line: 1, column: 1)
        let rows = values.map { row in
            DatasetRow(
                cells: zip(row, columns).map { value, column in cell(value, numeric: column.isNumeric) }, location: location)
        }
        return Dataset(name: name, columns: columns, rows: rows, meta: meta, path: path)
    }

    static func cell(_ value: SQLiteValue, numeric: Bool) -> DatasetCell {
        switch value {
        case .null, .blob: return DatasetCell(text: "")
        case .integer(let number): return DatasetCell(text: String(number), number: numeric ? Double(number) : nil)
        case .real(let number):
            // The number is the one the text shows, so a table, a chart and a later query agree.
            let text = PlainDecimal.text(number)
            return DatasetCell(text: text, number: numeric ? Double(text) : nil)
        case .text(let text): return DatasetCell(text: text)
        }
    }

    /// Letters, digits and `_`, not starting with a digit: what `AS name` gives and an expression's text never is.
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            $0 == "_" || ("0"..."9").contains($0) || ("a"..."z").contains($0) || ("A"..."Z").contains($0)
        }
    }
}

/// Numbers as the text a derived dataset's cells show: plain decimal, at most 15 significant
/// digits, no exponent (`244.7`, never `244.70000000000002` or `1e+21`).
enum PlainDecimal {
    static func text(_ value: Double) -> String {
        if value == 0 { return "0" }
        let rounded = String(format: "%.14e", value)  // d.dddddddddddddde±x: 15 significant digits
        let parts = rounded.split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else { return "\(value)" }
        var mantissa = String(parts[0])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        var digits = mantissa.replacingOccurrences(of: ".", with: "")
        while digits.count > 1, digits.hasSuffix("0") { digits.removeLast() }
        let point = exponent + 1  // digits before the decimal point
        var text: String
        if point <= 0 {
            text = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            text = digits + String(repeating: "0", count: point - digits.count)
        } else {
            text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        if negative { text = "-" + text }
        return text
    }
}
