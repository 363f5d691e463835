import FolioCore

/// A strict RFC 4180 reader: LF or CRLF, UTF-8 with an optional BOM, a header row. Every problem is
/// an error at its line and column; nothing is dropped, padded or merged. Works on bytes in one pass.
/// A checked CSV file's header and, per column, whether every non-empty cell is a number.
struct CSVShape: Sendable {
    var header: [String]
    var numeric: [Bool]
    /// Rows after the header, so the typed rows can be allocated once.
    var rowCount: Int
}

enum CSVReader {
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    static func read(_ bytes: [UInt8], path: String) throws(Diagnostic) -> RecordTable {
        var rows: [RecordTable.Row] = []
        let header = try parse(bytes, path: path) { rows.append($0) }
        return RecordTable(header: header, rows: rows)
    }

    /// Checks the file as `read` does, keeping only its header and which columns are numeric.
    static func scan(_ bytes: [UInt8], path: String) throws(Diagnostic) -> CSVShape {
        var numeric: [Bool]?
        var count = 0
        let header = try parse(bytes, path: path) { row in
            count += 1
            var flags = numeric ?? [Bool](repeating: true, count: row.cells.count)
            for (index, cell) in row.cells.enumerated() where flags[index] && !cell.text.isEmpty && !cell.isNumeric {
                flags[index] = false
            }
            numeric = flags
        }
        return CSVShape(header: header, numeric: numeric ?? [Bool](repeating: true, count: header.count), rowCount: count)
    }

    /// The typed rows of a file `scan` found to have `shape`, built row by row with no table in
    /// between; nil if the file has changed shape since (it never does: the bytes are the same).
    static func rows(_ bytes: [UInt8], path: String, shape: CSVShape) -> [DatasetRow]? {
        var rows: [DatasetRow] = []
        rows.reserveCapacity(shape.rowCount)
        do {
            _ = try parse(bytes, path: path) { row in rows.append(row.typed(numeric: shape.numeric)) }
        } catch {
            return nil
        }
        return rows
    }

    /// Checks the bytes and hands each record after the header to `emit`; returns the header.
    private static func parse(
        _ bytes: [UInt8], path: String, emit: (RecordTable.Row) -> Void
    ) throws(Diagnostic) -> [String] {
        let file = TextBytes(bytes, path: path)
        try file.validate()
        var parser = Parser(file: file)
        return try parser.table(emit)
    }

    private struct Parser {
        let file: TextBytes
        var index: Int
        var line = 1
        var header: [String]?
        /// Blank lines not yet known to be trailing ones: (line, byte index).
        var pendingBlank: [(line: Int, index: Int)] = []

        init(file: TextBytes) {
            self.file = file
            self.index = file.start
        }

        private var bytes: [UInt8] { file.bytes }

        /// Reads every record, handing each one after the header to `emit`; returns the header.
        mutating func table(_ emit: (RecordTable.Row) -> Void) throws(Diagnostic) -> [String] {
            try refuseCarriageReturnLines()
            while index < bytes.count {
                let rowLine = line
                let rowStart = index
                let (cells, starts, blank) = try row()
                if blank {
                    pendingBlank.append((rowLine, rowStart))
                    continue
                }
                try flushBlankLines(emit)
                try add(cells, starts: starts, line: rowLine, start: rowStart, emit)
            }
            guard let header else { throw Diagnostic(at: file.location(of: file.start), DataIssue.csvNoHeader) }
            return header
        }

        /// A file whose lines end in CR alone (as old Mac programs save them) is refused as a whole,
        /// at its first CR, rather than as one long line.
        private func refuseCarriageReturnLines() throws(Diagnostic) {
            guard let first = bytes[index...].firstIndex(of: carriageReturn), !bytes[index...].contains(newline) else { return }
            throw Diagnostic(at: file.location(of: first), DataIssue.csvCarriageReturnLines)
        }

        /// A blank line before more rows is a row of one empty cell.
        private mutating func flushBlankLines(_ emit: (RecordTable.Row) -> Void) throws(Diagnostic) {
            for blank in pendingBlank {
                try add([RecordTable.Cell(text: "")], starts: [blank.index], line: blank.line, start: blank.index, emit)
            }
            pendingBlank.removeAll()
        }

        private mutating func add(
            _ cells: [RecordTable.Cell], starts: [Int], line: Int, start: Int, _ emit: (RecordTable.Row) -> Void
        ) throws(Diagnostic) {
            guard let header else {
                try setHeader(cells, starts: starts)
                return
            }
            guard cells.count == header.count else {
                throw Diagnostic(at: file.location(of: start), DataIssue.csvCellCount(found: cells.count, expected: header.count))
            }
            emit(RecordTable.Row(cells: cells, location: SourceLocation(path: file.path, line: line, column: 1)))
        }

        private mutating func setHeader(_ cells: [RecordTable.Cell], starts: [Int]) throws(Diagnostic) {
            var seen = Set<String>()
            for (number, cell) in cells.enumerated() {
                let name = cell.text
                if name.allSatisfy({ $0 == " " }) {
                    throw Diagnostic(at: file.location(of: starts[number]), DataIssue.csvEmptyHeader(column: number + 1))
                }
                if !seen.insert(name).inserted {
                    throw Diagnostic(at: file.location(of: starts[number]), DataIssue.csvRepeatedHeader(name))
                }
            }
            header = cells.map(\.text)
        }

        /// Reads one record and its line end; `blank` when the line held nothing at all.
        private mutating func row() throws(Diagnostic) -> (cells: [RecordTable.Cell], starts: [Int], blank: Bool) {
            var cells: [RecordTable.Cell] = []
            var starts: [Int] = []
            var quoted = false
            while true {
                starts.append(index)
                if index < bytes.count && bytes[index] == quote {
                    quoted = true
                    cells.append(RecordTable.Cell(text: try quotedField()))
                } else {
                    cells.append(RecordTable.Cell(text: try plainField()))
                }
                if index >= bytes.count { break }
                if bytes[index] == comma {
                    index += 1
                    continue
                }
                try lineEnd()
                break
            }
            let blank = cells.count == 1 && !quoted && cells[0].text.isEmpty
            return (cells, starts, blank)
        }

        /// Consumes LF or CRLF at `index`.
        private mutating func lineEnd() throws(Diagnostic) {
            if bytes[index] == carriageReturn {
                guard index + 1 < bytes.count, bytes[index + 1] == newline else {
                    throw Diagnostic(at: file.location(of: index), DataIssue.csvBareCarriageReturn)
                }
                index += 1
            }
            index += 1
            line += 1
        }

        private mutating func plainField() throws(Diagnostic) -> String {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == comma || byte == newline || byte == carriageReturn { break }
                if byte == quote { throw Diagnostic(at: file.location(of: index), DataIssue.csvQuoteInUnquotedField) }
                index += 1
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        private mutating func quotedField() throws(Diagnostic) -> String {
            let opening = index
            index += 1
            var text: [UInt8] = []
            var segment = index
            while true {
                guard index < bytes.count else {
                    throw Diagnostic(at: file.location(of: opening), DataIssue.csvUnterminatedQuote)
                }
                let byte = bytes[index]
                if byte == quote {
                    text.append(contentsOf: bytes[segment..<index])
                    if index + 1 < bytes.count && bytes[index + 1] == quote {
                        text.append(quote)
                        index += 2
                        segment = index
                        continue
                    }
                    index += 1
                    break
                }
                if byte == newline { line += 1 }
                index += 1
            }
            if index < bytes.count && bytes[index] != comma && bytes[index] != newline && bytes[index] != carriageReturn {
                throw Diagnostic(at: file.location(of: index), DataIssue.csvTextAfterClosingQuote)
            }
            return String(decoding: text, as: UTF8.self)
        }
    }
}
