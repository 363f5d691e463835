/// Escaping for HTML and XML text and attributes, one Unicode scalar at a time, so that a quote
/// followed by a combining mark is still escaped (grapheme-wise escaping misses it).
public enum Escape {
    /// Text or attribute value for HTML; safe inside double- or single-quoted attributes.
    /// Control characters HTML forbids (C0 other than tab, newline, carriage return; DEL; C1) become U+FFFD.
    public static func html(_ text: String) -> String {
        // Most text needs no escaping: it is given back as it is, without a copy.
        var text = text
        return text.withUTF8 { $0.allSatisfy(isPlainASCII) ? nil : html(utf8: $0) } ?? text
    }

    /// The same for any string-like text.
    public static func html(_ text: some StringProtocol) -> String {
        if let escaped = text.utf8.withContiguousStorageIfAvailable(html(utf8:)) { return escaped }
        return Array(text.utf8).withUnsafeBufferPointer(html(utf8:))
    }

    /// The same, byte by byte over valid UTF-8: only ASCII and the two-byte C1 controls change.
    private static func html(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.allSatisfy(isPlainASCII) { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F: out.append(contentsOf: replacement)
            case 0xC2 where index < bytes.count && (0x80...0x9F).contains(bytes[index]):
                out.append(contentsOf: replacement)
                index += 1
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// U+FFFD in UTF-8.
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Text or attribute value for XML (SVG files): as `html`, and characters XML 1.0 forbids
    /// (C0 controls other than tab, newline, carriage return; U+FFFE/U+FFFF) become U+FFFD.
    public static func xml(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy(isPlainASCII) { return String(text) }
        return html(String(String.UnicodeScalarView(text.unicodeScalars.map(xmlSafe))))
    }

    /// A printable ASCII byte (or tab, newline, carriage return) that needs no escaping anywhere.
    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09, 0x0A, 0x0D: true
        case 0x26, 0x3C, 0x3E, 0x22, 0x27: false  // & < > " '
        case 0x20...0x7E: true
        default: false
        }
    }

    /// Whether XML 1.0 allows `scalar` in a document.
    public static func isXMLAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func xmlSafe(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        isXMLAllowed(scalar) ? scalar : "\u{FFFD}"
    }
}
