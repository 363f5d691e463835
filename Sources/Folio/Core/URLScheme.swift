/// Whether a URL is absolute, and with which scheme.
public enum URLScheme {
    /// The lowercased scheme of an absolute URL (`http`, `mailto`, `javascript`), or nil for a relative one.
    /// Every scalar up to U+0020 is ignored (browsers drop leading ones and tabs and newlines anywhere;
    /// ignoring all of them is the stricter rule), and a scheme starts with an ASCII letter, then letters,
    /// digits, `+`, `-` or `.` up to the `:` (RFC 3986; browsers read anything else as a relative URL).
    public static func of(_ url: String) -> String? {
        var scheme = String.UnicodeScalarView()
        for scalar in url.unicodeScalars where scalar.value > 0x20 {
            if scalar == ":" { return scheme.isEmpty ? nil : String(scheme).lowercased() }
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            let isLater = ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
            guard isLetter || (isLater && !scheme.isEmpty) else { return nil }
            scheme.append(scalar)
        }
        return nil
    }
}
