/// Escaping for HTML and XML text and attributes, one Unicode scalar at a time, so that a quote
/// followed by a combining mark is still escaped (grapheme-wise escaping misses it).
public enum Escape {
    /// Text or attribute value for HTML; safe inside double- or single-quoted attributes.
    /// Control characters HTML forbids (C0 other than tab, newline, carriage return; DEL; C1) become U+FFFD.
    public static func html(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy(isPlainASCII) { return String(text) }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}"..."\u{9F}": out.append("\u{FFFD}")
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

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
