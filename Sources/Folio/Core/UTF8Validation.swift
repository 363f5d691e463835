/// Finds the first byte that is not valid UTF-8, before a parser sees the text (cmark and
/// `String(decoding:)` silently replace bad bytes), and says where it is.
public enum UTF8Validation {
    /// The index of the first byte at or after `start` that begins no well-formed UTF-8 sequence
    /// (Unicode's rule: no overlong forms, surrogates or values past U+10FFFF), or nil when all are valid.
    /// NUL is valid UTF-8; a stage that refuses it checks for it itself.
    public static func firstInvalidByte(in bytes: [UInt8], from start: Int = 0) -> Int? {
        // The standard library's check is vectorised; walk sequence by sequence only to find a bad byte.
        guard start < bytes.count, String(validating: bytes[start...], as: UTF8.self) == nil else { return nil }
        var index = start
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
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
            guard index + length <= bytes.count, (low...high).contains(bytes[index + 1]) else { return index }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }

    /// 3 when `bytes` starts with a UTF-8 byte order mark, else 0: where the text starts.
    public static func byteOrderMarkLength(_ bytes: [UInt8]) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The 1-based line and column of byte `index`: columns count Unicode scalars, and a leading
    /// UTF-8 BOM is not one (editors do not show it). Rescans from the start: for errors only.
    public static func position(ofByte index: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var position = byteOrderMarkLength(bytes)
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
        return (line, column)
    }

    /// The line and column of the first invalid byte, or nil when `bytes` is valid UTF-8.
    public static func firstInvalid(in bytes: [UInt8]) -> (line: Int, column: Int)? {
        firstInvalidByte(in: bytes).map { position(ofByte: $0, in: bytes) }
    }
}
