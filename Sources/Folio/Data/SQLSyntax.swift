/// How names and text are written inside SQLite statements that folio makes.
public enum SQLSyntax {
    /// A table or column name, double-quoted: `"capex-2025"`.
    public static func quoted(_ name: String) -> String { wrapped(name, in: "\"") }

    /// A text value, single-quoted: `'Meta''s plan'`.
    public static func literal(_ text: String) -> String { wrapped(text, in: "'") }

    private static func wrapped(_ text: String, in quote: Unicode.Scalar) -> String {
        var result = String.UnicodeScalarView([quote])
        for scalar in text.unicodeScalars {
            result.append(scalar)
            if scalar == quote { result.append(scalar) }
        }
        result.append(quote)
        return String(result)
    }
}
