import FolioCore
import Yams

/// Turns a `YamlError` into a located `Diagnostic`, never quoting the whole document.
struct YAMLErrorMapping {
    let text: String
    let place: YAMLPlace

    func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            if problem.contains("Maximum nesting level") {
                return Diagnostic(at: place.location(mark), YAMLIssue.tooDeep(limit: YAMLReader.maxDepth))
            }
            if let tab = tabInIndentation(line: mark.line) {
                return Diagnostic(at: place.location(line: mark.line, column: tab), YAMLIssue.tabIndent)
            }
            return Diagnostic(at: place.location(mark), YAMLIssue.syntax(problem))
        case .reader(let problem, let offset, _, _):
            return Diagnostic(at: location(characterOffset: offset ?? 0), YAMLIssue.syntax(problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            return Diagnostic(at: repeatOf(key: key, first: context.mark), YAMLIssue.duplicateKey(key))
        default:
            return Diagnostic(at: place.location(line: 1, column: 1), YAMLIssue.syntax("unreadable document"))
        }
    }

    private var lines: [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The column of the first tab before the first non-blank character of `line`, if any.
    private func tabInIndentation(line: Int) -> Int? {
        let lines = lines
        guard line >= 1, line <= lines.count else { return nil }
        var column = 1
        for scalar in lines[line - 1].unicodeScalars {
            if scalar == "\t" { return column }
            if scalar != " " { return nil }
            column += 1
        }
        return nil
    }

    private func location(characterOffset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        for character in text.prefix(characterOffset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return place.location(line: line, column: column)
    }

    /// Yams reports a repeated key at its first occurrence. In a block mapping the repeat is the next
    /// line starting at the same column with the same key; otherwise the first occurrence is reported.
    private func repeatOf(key: String, first: Mark) -> SourceLocation {
        let lines = lines
        let spellings = [key, "\"\(key)\"", "'\(key)'"]
        var number = first.line
        while number < lines.count {
            number += 1
            let scalars = Array(lines[number - 1].unicodeScalars)
            guard let start = scalars.firstIndex(where: { $0 != " " }) else { continue }
            if scalars[start] == "#" || scalars[start] == "\r" { continue }
            if start + 1 < first.column { break }
            guard start + 1 == first.column else { continue }
            let rest = String(String.UnicodeScalarView(scalars[start...]))
            for spelling in spellings where rest.hasPrefix(spelling) {
                let after = rest.dropFirst(spelling.count).drop { $0 == " " }
                if after.hasPrefix(":") { return place.location(line: number, column: first.column) }
            }
        }
        return place.location(first)
    }
}
