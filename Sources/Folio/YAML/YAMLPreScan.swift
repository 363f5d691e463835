/// A cheap byte scan run before Yams composes a document. It ignores quoting, so it may see an alias
/// or a complex key inside a quoted or block scalar, but it never misses a real one: an alias token
/// only starts after a blank, a line start or one of `[{,:`.
struct YAMLPreScan {
    /// Whether the document may contain an alias (`*name`).
    private(set) var hasAlias = false
    /// The first place that may be a complex key: `? `, or an alias, `]` or `}` followed by `:`.
    private(set) var firstComplexKey: (line: Int, column: Int)?

    init(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.append(0)
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count - 1 {
            let byte = bytes[index]
            let previous: UInt8 = index == 0 ? UInt8(ascii: "\n") : bytes[index - 1]
            var keyEnd: Int?
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                lineStart = index + 1
            case UInt8(ascii: "*") where Self.isAliasStart(after: previous) && Self.isAnchorByte(bytes[index + 1]):
                hasAlias = true
                var end = index + 1
                while Self.isAnchorByte(bytes[end]) { end += 1 }
                keyEnd = end
            case UInt8(ascii: "?") where Self.isAliasStart(after: previous) && Self.isBlank(bytes[index + 1]):
                recordComplexKey(line: line, lineStart: lineStart, index: index, bytes: bytes)
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                keyEnd = index + 1
            default:
                break
            }
            if var end = keyEnd {
                while bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
                if bytes[end] == UInt8(ascii: ":") {
                    recordComplexKey(line: line, lineStart: lineStart, index: index, bytes: bytes)
                }
            }
            index += 1
        }
    }

    private mutating func recordComplexKey(line: Int, lineStart: Int, index: Int, bytes: [UInt8]) {
        guard firstComplexKey == nil else { return }
        let column = 1 + bytes[lineStart..<index].count { $0 & 0xC0 != 0x80 }
        firstComplexKey = (line, column)
    }

    private static func isAliasStart(after byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
            UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"), 0xBF:
            true
        default:
            false
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r") || byte == 0
    }

    /// libyaml anchor names: ASCII letters, digits, `_` and `-`.
    private static func isAnchorByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
