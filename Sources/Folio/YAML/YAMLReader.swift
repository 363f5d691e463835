import FolioCore
import Yams

/// Reads YAML into `YAMLValue`s without Yams' own typing, refusing alias bombs and deep nesting.
public enum YAMLReader {
    public static let maxDepth = 64
    public static let maxAliases = 100
    public static let maxBytes = 4 << 20

    /// Parses `text`; locations are reported in `path`, shifted down by `lineOffset` lines
    /// (for YAML embedded in an article). Returns nil for an empty document.
    public static func read(_ text: String, path: String, lineOffset: Int = 0) throws(Diagnostic) -> YAMLValue? {
        let origin = SourceLocation(path: path, line: 1 + lineOffset, column: 1)
        guard text.utf8.count <= maxBytes else { throw Diagnostic(at: origin, YAMLIssue.tooLarge(limit: maxBytes)) }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw diagnostic(for: error, path: path, lineOffset: lineOffset)
        } catch {
            throw Diagnostic(at: origin, YAMLIssue.syntax("\(error)"))
        }
        guard let node else { return nil }
        return try convert(node, path: path, lineOffset: lineOffset, depth: 0)
    }

    private static func location(_ mark: Mark?, path: String, lineOffset: Int) -> SourceLocation {
        SourceLocation(path: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    private static func convert(_ node: Node, path: String, lineOffset: Int, depth: Int) throws(Diagnostic) -> YAMLValue {
        let here = location(node.mark, path: path, lineOffset: lineOffset)
        guard depth < maxDepth else { throw Diagnostic(at: here, YAMLIssue.tooDeep(limit: maxDepth)) }
        switch node {
        case .scalar(let scalar):
            return .scalar(scalar.string, plain: scalar.style == .plain, at: here)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for child in sequence {
                items.append(try convert(child, path: path, lineOffset: lineOffset, depth: depth + 1))
            }
            return .sequence(items, at: here)
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            var seen = Set<String>()
            for (key, value) in mapping {
                let keyLocation = location(key.mark, path: path, lineOffset: lineOffset)
                guard case .scalar(let keyScalar) = key else { throw Diagnostic(at: keyLocation, YAMLIssue.nonTextKey) }
                guard seen.insert(keyScalar.string).inserted else {
                    throw Diagnostic(at: keyLocation, YAMLIssue.duplicateKey(keyScalar.string))
                }
                let converted = try convert(value, path: path, lineOffset: lineOffset, depth: depth + 1)
                entries.append(YAMLEntry(key: keyScalar.string, keyLocation: keyLocation, value: converted))
            }
            return .mapping(entries, at: here)
        case .alias:
            throw Diagnostic(at: here, YAMLIssue.tooManyAliases(limit: maxAliases))
        }
    }

    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return Diagnostic(at: location(mark, path: path, lineOffset: lineOffset), YAMLIssue.syntax(problem))
        case .composer(_, let problem, let mark, _):
            return Diagnostic(at: location(mark, path: path, lineOffset: lineOffset), YAMLIssue.syntax(problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            _ = context
            return Diagnostic(
                at: SourceLocation(path: path, line: 1 + lineOffset, column: 1),
                YAMLIssue.duplicateKey(duplicates.first ?? "?"))
        default:
            return Diagnostic(at: SourceLocation(path: path, line: 1 + lineOffset, column: 1), YAMLIssue.syntax("\(error)"))
        }
    }
}
