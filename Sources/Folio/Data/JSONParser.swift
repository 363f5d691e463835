import FolioCore

/// A small strict JSON parser (RFC 8259): errors at line:col, duplicate keys refused, nesting limited.
/// A UTF-8 BOM is accepted. Numbers keep their text as written.
struct JSONParser {
    static let maxDepth = 64

    private let file: TextBytes
    private var index: Int
    /// Line tracking, so locating each value costs only the bytes since the previous one.
    private var line = 1
    private var lineStart: Int
    private var columnCache: (index: Int, column: Int)

    static func parse(_ bytes: [UInt8], path: String) throws(Diagnostic) -> JSONValue {
        let file = TextBytes(bytes, path: path)
        try file.validate()
        var parser = JSONParser(file: file, index: file.start)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.error("text after the end of the document; expected nothing more") }
        return value
    }

    private init(file: TextBytes, index: Int) {
        self.file = file
        self.index = index
        self.lineStart = index
        self.columnCache = (index, 1)
    }

    /// The location of `index`; newlines only occur in whitespace, which `skipWhitespace` counts.
    private mutating func here() -> SourceLocation {
        if columnCache.index < lineStart || columnCache.index > index { columnCache = (lineStart, 1) }
        var column = columnCache.column
        for byte in bytes[columnCache.index..<index] where byte & 0xC0 != 0x80 { column += 1 }
        columnCache = (index, column)
        return SourceLocation(path: file.path, line: line, column: column)
    }

    private var bytes: [UInt8] { file.bytes }
    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func error(_ problem: String, at position: Int? = nil) -> Diagnostic {
        Diagnostic(at: file.location(of: position ?? index), DataIssue.jsonSyntax(problem))
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            index += 1
            if byte == 0x0A {
                line += 1
                lineStart = index
            }
        }
    }

    private mutating func value(depth: Int) throws(Diagnostic) -> JSONValue {
        let location = here()
        guard let byte = current else { throw error("unexpected end of file; expected a value") }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < Self.maxDepth else { throw Diagnostic(at: location, DataIssue.jsonTooDeep(limit: Self.maxDepth)) }
            return byte == UInt8(ascii: "{") ? try object(depth: depth, at: location) : try array(depth: depth, at: location)
        case UInt8(ascii: "\""):
            return JSONValue(kind: .string(try string()), location: location)
        case UInt8(ascii: "t"):
            try literal("true")
            return JSONValue(kind: .bool(true), location: location)
        case UInt8(ascii: "f"):
            try literal("false")
            return JSONValue(kind: .bool(false), location: location)
        case UInt8(ascii: "n"):
            try literal("null")
            return JSONValue(kind: .null, location: location)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(kind: .number(try number()), location: location)
        default:
            throw error("unexpected character; expected a value")
        }
    }

    private mutating func literal(_ word: String) throws(Diagnostic) {
        let expected = Array(word.utf8)
        guard bytes[index...].starts(with: expected) else { throw error("unknown word; expected \(word), a string, a number or null") }
        index += expected.count
    }

    private mutating func object(depth: Int, at location: SourceLocation) throws(Diagnostic) -> JSONValue {
        index += 1
        var members: [JSONMember] = []
        var seen = Set<String>()
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return JSONValue(kind: .object([]), location: location)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
            let keyLocation = here()
            let key = try string()
            guard seen.insert(key).inserted else { throw Diagnostic(at: keyLocation, DataIssue.jsonDuplicateKey(key)) }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
            index += 1
            skipWhitespace()
            members.append(JSONMember(key: key, keyLocation: keyLocation, value: try value(depth: depth + 1)))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard current == UInt8(ascii: "}") else { throw error("expected ',' or '}' after a value") }
            index += 1
            return JSONValue(kind: .object(members), location: location)
        }
    }

    private mutating func array(depth: Int, at location: SourceLocation) throws(Diagnostic) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return JSONValue(kind: .array([]), location: location)
        }
        while true {
            skipWhitespace()
            items.append(try value(depth: depth + 1))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard current == UInt8(ascii: "]") else { throw error("expected ',' or ']' after a value") }
            index += 1
            return JSONValue(kind: .array(items), location: location)
        }
    }

    private mutating func number() throws(Diagnostic) -> String {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, isDigit(first) else { throw error("expected a digit") }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if current == UInt8(ascii: ".") {
            index += 1
            guard let byte = current, isDigit(byte) else { throw error("expected a digit after '.'") }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let byte = current, isDigit(byte) else { throw error("expected a digit in the exponent") }
            skipDigits()
        }
        if let byte = current, isDigit(byte) { throw error("leading zero in a number; expected 0 alone or a digit 1-9 first") }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard Double(text)?.isFinite ?? false else {
            throw Diagnostic(at: file.location(of: start), DataIssue.jsonNumberOutOfRange(text))
        }
        return text
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while let byte = current, isDigit(byte) { index += 1 }
    }

    private mutating func string() throws(Diagnostic) -> String {
        let opening = index
        index += 1
        var text: [UInt8] = []
        var segment = index
        while true {
            guard let byte = current else { throw error("string never closed; expected a closing '\"'", at: opening) }
            if byte == UInt8(ascii: "\"") {
                text.append(contentsOf: bytes[segment..<index])
                index += 1
                return String(decoding: text, as: UTF8.self)
            }
            if byte < 0x20 { throw error("control character in a string; expected it escaped (\\n, \\t, \\u0001)") }
            if byte == UInt8(ascii: "\\") {
                text.append(contentsOf: bytes[segment..<index])
                try escape(into: &text)
                segment = index
                continue
            }
            index += 1
        }
    }

    private mutating func escape(into text: inout [UInt8]) throws(Diagnostic) {
        let start = index
        index += 1
        guard let byte = current else { throw error("string never closed; expected a closing '\"'") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(byte)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4(escapeAt: start)
            if (0xD800...0xDBFF).contains(scalar) {
                guard bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
                    throw error("lone surrogate \\u escape; expected a pair", at: start)
                }
                index += 2
                let low = try hex4(escapeAt: start)
                guard (0xDC00...0xDFFF).contains(low) else { throw error("lone surrogate \\u escape; expected a pair", at: start) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw error("lone surrogate \\u escape; expected a pair", at: start)
            }
            guard let unicode = Unicode.Scalar(scalar), scalar != 0 else {
                throw error("\\u0000 in a string; expected text without NUL", at: start)
            }
            text.append(contentsOf: Array(String(unicode).utf8))
        default:
            throw error("unknown escape; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", at: start)
        }
    }

    private mutating func hex4(escapeAt start: Int) throws(Diagnostic) -> UInt32 {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16),
            bytes[index..<index + 4].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") })
        else { throw error("\\u escape needs four hex digits", at: start) }
        index += 4
        return value
    }
}
