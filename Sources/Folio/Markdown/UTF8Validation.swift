import FolioCore

/// Finds the first byte that is not valid UTF-8, before cmark sees the text
/// (cmark's own validation silently replaces bad bytes).
public enum UTF8Validation {
    /// The 1-based line and column (in characters) of the first invalid byte, or nil when `bytes` is valid.
    public static func firstInvalid(in bytes: some Collection<UInt8>) -> (line: Int, column: Int)? {
        // The standard library's validation is vectorised; walk scalar by scalar only to locate a bad byte.
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return nil
            case .error:
                return (line, column)
            }
        }
    }

    /// Decodes `bytes` as UTF-8, or throws a diagnostic at the first invalid byte.
    public static func decode(_ bytes: [UInt8], path: String, lineOffset: Int = 0) throws(Diagnostic) -> String {
        if let bad = firstInvalid(in: bytes) {
            throw Diagnostic(at: SourceLocation(path: path, line: bad.line + lineOffset, column: bad.column), MarkdownIssue.invalidUTF8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
