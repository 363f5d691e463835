import FolioCore

/// Checks and locates positions in a file's bytes; columns count Unicode scalars, a BOM is skipped.
struct TextBytes {
    let bytes: [UInt8]
    let path: String
    /// Where the text starts: 3 when the file begins with a UTF-8 BOM.
    let start: Int

    init(_ bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        self.start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Throws at the first invalid UTF-8 byte or NUL byte.
    func validate() throws(Diagnostic) {
        if let bad = Self.firstInvalidUTF8(bytes, from: start) {
            throw Diagnostic(at: location(of: bad), bytes[bad] == 0 ? DataIssue.nulByte : DataIssue.invalidUTF8)
        }
    }

    /// The text after the BOM; call `validate()` first.
    var text: String {
        String(decoding: bytes[start...], as: UTF8.self)
    }

    /// The line and column of byte `index` (rescans from the start: for errors only).
    func location(of index: Int) -> SourceLocation {
        var line = 1
        var column = 1
        var position = start
        while position < index && position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            position += 1
        }
        return SourceLocation(path: path, line: line, column: column)
    }

    /// The index of the first NUL byte, or of the first byte that starts no well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0 { return index }
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= low, second <= high else { return index }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }
}
