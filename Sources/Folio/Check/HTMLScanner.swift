/// One start tag of an HTML (or SVG) document, with its attributes decoded.
public struct HTMLTag: Equatable, Sendable {
    /// The lowercased element name.
    public var name: String
    /// Attributes in source order; names lowercased, values with character references decoded.
    public var attributes: [(name: String, value: String)]
    /// False for an end tag (`</figure>`).
    public var isStart: Bool

    public init(name: String, attributes: [(name: String, value: String)] = [], isStart: Bool = true) {
        self.name = name
        self.attributes = attributes
        self.isStart = isStart
    }

    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The whitespace-separated tokens of the `class` attribute.
    public var classes: [Substring] {
        (attribute("class") ?? "").split(whereSeparator: \.isWhitespace)
    }

    public static func == (lhs: HTMLTag, rhs: HTMLTag) -> Bool {
        lhs.name == rhs.name && lhs.isStart == rhs.isStart
            && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
            && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
    }
}

/// A small tolerant scanner for start and end tags: enough to find links, ids and figures, never a full HTML parser.
public enum HTMLScanner {
    /// Elements whose content is raw text, so a `<` inside them is not a tag.
    private static let rawTextElements: Set<String> = ["script", "style", "textarea", "title", "xmp"]

    public static func tags(in html: String) -> [HTMLTag] {
        let bytes = Array(html.utf8)
        var tags: [HTMLTag] = []
        var index = 0
        while let open = firstIndex(of: UInt8(ascii: "<"), in: bytes, from: index) {
            index = open + 1
            guard index < bytes.count else { break }
            if starts(with: "!--", in: bytes, at: index) {
                index = end(of: "-->", in: bytes, from: index + 3)
            } else if starts(with: "![CDATA[", in: bytes, at: index) {
                index = end(of: "]]>", in: bytes, from: index + 8)
            } else if bytes[index] == UInt8(ascii: "!") || bytes[index] == UInt8(ascii: "?") {
                index = end(of: ">", in: bytes, from: index)
            } else if bytes[index] == UInt8(ascii: "/") {
                let (name, after) = readName(bytes, from: index + 1)
                index = end(of: ">", in: bytes, from: after)
                if !name.isEmpty { tags.append(HTMLTag(name: name, isStart: false)) }
            } else if isLetter(bytes[index]) {
                let (tag, after, selfClosing) = readStartTag(bytes, from: index)
                tags.append(tag)
                index = after
                if rawTextElements.contains(tag.name) && !selfClosing {
                    index = skipRawText(of: tag.name, in: bytes, from: index)
                    if index < bytes.count { tags.append(HTMLTag(name: tag.name, isStart: false)) }
                    index = end(of: ">", in: bytes, from: index)
                }
            }
        }
        return tags
    }

    /// Reads `name attr="v" attr='v' attr=v attr>`; returns the tag, the index after `>` and whether it ended in `/>`.
    private static func readStartTag(_ bytes: [UInt8], from start: Int) -> (HTMLTag, Int, Bool) {
        let (name, afterName) = readName(bytes, from: start)
        var tag = HTMLTag(name: name)
        var index = afterName
        var selfClosing = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return (tag, index + 1, selfClosing) }
            if isSpace(byte) || byte == UInt8(ascii: "/") {
                selfClosing = byte == UInt8(ascii: "/")
                index += 1
                continue
            }
            selfClosing = false
            var nameEnd = index + 1
            while nameEnd < bytes.count, !isSpace(bytes[nameEnd]), !"=>/".utf8.contains(bytes[nameEnd]) { nameEnd += 1 }
            let attributeName = String(decoding: bytes[index..<nameEnd], as: UTF8.self).lowercased()
            index = skipSpaces(bytes, from: nameEnd)
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index = skipSpaces(bytes, from: index + 1)
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let valueEnd = firstIndex(of: quote, in: bytes, from: index + 1) ?? bytes.count
                    value = String(decoding: bytes[(index + 1)..<valueEnd], as: UTF8.self)
                    index = min(valueEnd + 1, bytes.count)
                } else {
                    var valueEnd = index
                    while valueEnd < bytes.count, !isSpace(bytes[valueEnd]), bytes[valueEnd] != UInt8(ascii: ">") { valueEnd += 1 }
                    value = String(decoding: bytes[index..<valueEnd], as: UTF8.self)
                    index = valueEnd
                }
            }
            tag.attributes.append((attributeName, CharacterReferences.decode(value)))
        }
        return (tag, index, selfClosing)
    }

    private static func readName(_ bytes: [UInt8], from start: Int) -> (String, Int) {
        var index = start
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
            index += 1
        }
        return (String(decoding: bytes[start..<index], as: UTF8.self).lowercased(), index)
    }

    /// The index of `</name` (case-insensitive) after a raw-text element's start tag, or the end of the text.
    private static func skipRawText(of name: String, in bytes: [UInt8], from start: Int) -> Int {
        let closing = Array("</\(name)".utf8)
        var index = start
        while let open = firstIndex(of: UInt8(ascii: "<"), in: bytes, from: index) {
            if open + closing.count <= bytes.count,
                zip(bytes[open..<(open + closing.count)], closing).allSatisfy({ lowered($0) == $1 })
            {
                return open
            }
            index = open + 1
        }
        return bytes.count
    }

    private static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private static func starts(with prefix: String, in bytes: [UInt8], at index: Int) -> Bool {
        let prefixBytes = Array(prefix.utf8)
        return index + prefixBytes.count <= bytes.count && Array(bytes[index..<(index + prefixBytes.count)]) == prefixBytes
    }

    /// The index just past `terminator`, or the end of the text when it never comes.
    private static func end(of terminator: String, in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if starts(with: terminator, in: bytes, at: index) { return index + terminator.utf8.count }
            index += 1
        }
        return bytes.count
    }

    private static func skipSpaces(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        return index
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }
}

/// Decodes the character references that occur in attribute values: numeric ones and the common named ones.
enum CharacterReferences {
    private static let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            guard let semicolon = rest[afterAmpersand...].prefix(12).firstIndex(of: ";"),
                let decoded = reference(String(rest[afterAmpersand..<semicolon]))
            else {
                result += "&"
                rest = rest[afterAmpersand...]
                continue
            }
            result += decoded
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    private static func reference(_ body: String) -> String? {
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            return UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        if body.hasPrefix("#") {
            return UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        return named[body]
    }
}
