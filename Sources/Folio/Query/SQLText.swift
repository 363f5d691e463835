import FolioCore

/// The text of a query and where it sits, to turn SQLite's byte offsets and names into
/// `file:line:column` (columns count Unicode scalars, as everywhere in folio).
struct SQLText {
    let sql: String
    let path: String
    /// Where the text starts in its file (line 1, column 1 for a `.sql` file).
    let start: SourceLocation

    init(_ sql: String, path: String, start: SourceLocation? = nil) {
        self.sql = sql
        self.path = path
        self.start = start ?? SourceLocation(path: path, line: 1, column: 1)
    }

    /// The location of the UTF-8 byte at `offset`.
    func location(ofByte offset: Int) -> SourceLocation {
        var line = 0
        var column = 0
        var bytes = 0
        for scalar in sql.unicodeScalars {
            if bytes >= offset { break }
            bytes += String(scalar).utf8.count
            if scalar == "\n" {
                line += 1
                column = 0
            } else {
                column += 1
            }
        }
        // A `.sql` file starts at column 1; a block's `sql: |` text has every line at its indentation.
        return SourceLocation(path: path, line: start.line + line, column: start.column + column)
    }

    /// The first character that is not blank or a comment.
    var statementStart: SourceLocation { location(ofByte: SQLComments.skipped(sql)) }

    /// The first use of `name` as a whole word (ignoring case), else the statement's start.
    func firstUse(of name: String) -> SourceLocation {
        guard let offset = wordOffset(name) else { return statementStart }
        return location(ofByte: offset)
    }

    /// Whether `name` appears as a whole word (ignoring case).
    func mentions(_ name: String) -> Bool { wordOffset(name) != nil }

    private func wordOffset(_ name: String) -> Int? {
        let text = Array(sql.lowercased().utf8)
        let word = Array(name.lowercased().utf8)
        guard !word.isEmpty, text.count >= word.count else { return nil }
        func isWordByte(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "_") || byte >= 0x80 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        }
        for index in 0...(text.count - word.count) where text[index..<index + word.count].elementsEqual(word) {
            let before = index == 0 || !isWordByte(text[index - 1])
            let after = index + word.count == text.count || !isWordByte(text[index + word.count])
            if before && after { return index }
        }
        return nil
    }

    /// Whether `tail` (the text after the first statement) holds no further statement.
    static func isBlank(_ tail: String) -> Bool {
        var rest = tail
        while true {
            let skipped = SQLComments.skipped(rest)
            rest = String(decoding: Array(rest.utf8)[skipped...], as: UTF8.self)
            guard rest.hasPrefix(";") else { return rest.isEmpty }
            rest.removeFirst()
        }
    }
}

/// SQL comments and blanks.
enum SQLComments {
    /// How many UTF-8 bytes of blanks, `-- …` and `/* … */` comments `text` starts with.
    static func skipped(_ text: String) -> Int {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                index += 1
            } else if byte == UInt8(ascii: "-"), next == UInt8(ascii: "-") {
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            } else if byte == UInt8(ascii: "/"), next == UInt8(ascii: "*") {
                index += 2
                while index < bytes.count,
                    !(bytes[index] == UInt8(ascii: "*") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"))
                {
                    index += 1
                }
                index = min(bytes.count, index + 2)
            } else {
                break
            }
        }
        return index
    }
}
