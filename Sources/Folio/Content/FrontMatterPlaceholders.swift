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
            guard text.contains("{") else { return value }
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
    public static func fill(_ text: String, at start: SourceLocation, lookup: Lookup) throws(Diagnostic) -> String {
        let scalars = Array(text.unicodeScalars)
        var filled = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "{" else {
                filled.append(scalar)
                index += 1
                continue
            }
            if index + 1 < scalars.count, scalars[index + 1] == "{" {
                filled.append("{")
                index += 2
                continue
            }
            guard let close = scalars[(index + 1)...].firstIndex(of: "}") else {
                filled.append(scalar)
                index += 1
                continue
            }
            let column = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
            filled.append(contentsOf: try lookup(column, start.offset(lines: 0, column: start.column + index)).unicodeScalars)
            index = close + 1
        }
        return String(filled)
    }
}
