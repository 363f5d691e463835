import FolioCore
import FolioYAML

/// `{COLUMN}` in a template page's front-matter strings, filled with the page's values after the
/// YAML is read (SPEC §2 "Pages from data"); `{{` writes a literal `{`.
public enum FrontMatterPlaceholders {
    /// Finds a column's value for the page; `location` is where its `{` is written.
    public typealias Lookup = (_ column: String, _ location: SourceLocation) throws(Diagnostic) -> String

    /// The document with every string's placeholders filled, leaving the top-level keys in `skipping` as written.
    public static func fill(_ document: YAMLValue?, skipping: Set<String>, lookup: Lookup) throws(Diagnostics) -> YAMLValue? {
        guard let document else { return nil }
        var problems = DiagnosticCollector()
        let filled: YAMLValue
        if case .mapping(let entries, let at) = document {
            filled = .mapping(
                entries.map { entry in
                    guard !skipping.contains(entry.key) else { return entry }
                    var entry = entry
                    entry.value = fill(entry.value, lookup: lookup, problems: &problems)
                    return entry
                }, at: at)
        } else {
            filled = fill(document, lookup: lookup, problems: &problems)
        }
        try problems.throwIfAny()
        return filled
    }

    private static func fill(_ value: YAMLValue, lookup: Lookup, problems: inout DiagnosticCollector) -> YAMLValue {
        switch value {
        case .scalar(let text, let plain, let at):
            guard text.utf8.contains(UInt8(ascii: "{")) else { return value }
            let start = at.offset(lines: 0, column: at.column + (plain ? 0 : 1))
            return problems.capture { () throws(Diagnostic) in .scalar(try fill(text, at: start, lookup: lookup), plain: plain, at: at) }
                ?? value
        case .sequence(let items, let at):
            return .sequence(items.map { fill($0, lookup: lookup, problems: &problems) }, at: at)
        case .mapping(let entries, let at):
            return .mapping(
                entries.map { entry in
                    var entry = entry
                    entry.value = fill(entry.value, lookup: lookup, problems: &problems)
                    return entry
                }, at: at)
        }
    }

    /// One string with its placeholders filled; `start` is where its first character is written.
    /// A `{` with no `}` after it is kept as written.
    /// The text between braces is copied in runs, found on its UTF-8 bytes (`{` and `}` are ASCII,
    /// so never part of another character): a template's 10,000 pages fill each of its strings.
    public static func fill(_ text: String, at start: SourceLocation, lookup: Lookup) throws(Diagnostic) -> String {
        let bytes = text.utf8
        let (open, shut) = (UInt8(ascii: "{"), UInt8(ascii: "}"))
        var filled = ""
        var copied = bytes.startIndex
        while let brace = bytes[copied...].firstIndex(of: open) {
            filled += text[copied..<brace]
            let next = bytes.index(after: brace)
            if next < bytes.endIndex, bytes[next] == open {
                filled += "{"
                copied = bytes.index(after: next)
                continue
            }
            guard let close = bytes[next...].firstIndex(of: shut) else {
                filled += "{"
                copied = next
                continue
            }
            // Columns count characters as the scanner does: Unicode scalars from the string's start.
            let column = text.unicodeScalars[..<brace].count
            filled += try lookup(String(text[next..<close]), start.offset(lines: 0, column: start.column + column))
            copied = bytes.index(after: close)
        }
        filled += text[copied...]
        return filled
    }
}
