import FolioCore
import FolioData
import FolioFormat

/// Reads a dataset from fuzzed bytes and checks what a successful read promises.
public enum DatasetChecks {
    public static func read(_ bytes: [UInt8], format: DatasetFormat) {
        let path = "Content/data/fuzz.\(format.rawValue)"
        let dataset: Dataset
        do {
            dataset = try DatasetReader.read(bytes, format: format, name: "fuzz", path: path)
        } catch {
            DiagnosticChecks.check(error, path: path)
            return
        }
        check(dataset, path: path)
        if format == .csv { checkRoundTrip(dataset) }
    }

    static func check(_ dataset: Dataset, path: String) {
        let names = dataset.columns.map(\.name)
        require(Set(names).count == names.count, "repeated column names \(names)")
        for row in dataset.rows {
            require(row.cells.count == names.count, "row with \(row.cells.count) cells under \(names.count) columns at \(row.location)")
            DiagnosticChecks.check(row.location, path: path)
            for (cell, column) in zip(row.cells, dataset.columns) {
                if column.isNumeric && !cell.isMissing {
                    guard let number = cell.number else { fatalError("numeric column '\(column.name)' cell '\(cell.text)' has no number") }
                    require(number.isFinite, "non-finite number \(number) from '\(cell.text)'")
                } else {
                    require(cell.number == nil, "number \(String(describing: cell.number)) in a text column or a missing cell")
                }
            }
        }
        var formatted = 0
        for row in dataset.rows {
            for number in row.cells.compactMap(\.number) where formatted < 32 {
                formatted += 1
                for kind in NumberFormat.Kind.allCases {
                    for decimals in [nil, 0, 6] {
                        for showsPlus in [false, true] {
                            let format = NumberFormat(kind, decimals: decimals, showsPlus: showsPlus)
                            require(!format.format(number).isEmpty, "empty text for \(number) as \(format)")
                            require(!format.formatRange(number, -number).isEmpty, "empty range text for \(number) as \(format)")
                        }
                    }
                }
            }
        }
    }

    /// Writing the table back as CSV (every field quoted) and reading it again gives the same cells.
    static func checkRoundTrip(_ dataset: Dataset) {
        /// Scalar by scalar: a quote followed by a combining mark is one `Character`.
        func field(_ text: String) -> String {
            var quoted = String.UnicodeScalarView()
            quoted.append("\"")
            for scalar in text.unicodeScalars {
                quoted.append(scalar)
                if scalar == "\"" { quoted.append("\"") }
            }
            quoted.append("\"")
            return String(quoted)
        }
        let lines = [dataset.columns.map { field($0.name) }] + dataset.rows.map { $0.cells.map { field($0.text) } }
        let csv = lines.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        do {
            let again = try DatasetReader.read(Array(csv.utf8), format: .csv, name: "fuzz", path: "again.csv")
            require(again.columns == dataset.columns, "columns changed on a round trip: \(dataset.columns) → \(again.columns)")
            require(
                again.rows.map { $0.cells } == dataset.rows.map { $0.cells },
                "cells changed on a round trip")
        } catch {
            fatalError("the CSV written back does not read: \(error)")
        }
    }
}
