import FolioCore
import Yams

/// Reads YAML into `YAMLValue`s without Yams' own typing, refusing alias bombs and deep nesting.
///
/// How the limits hold before anything costly runs:
/// - Size: documents over `maxBytes` are refused before parsing.
/// - Depth: the libyaml parser vendored in Yams 6.2.2 is not recursive and refuses nesting past
///   1000 levels before Yams' recursive composer sees it, so composing is linear and bounded;
///   `maxDepth` is then enforced while converting (and the libyaml refusal is reported the same way).
/// - Aliases: composing shares an anchored node instead of copying it, so it is cheap, except that
///   Yams hashes every mapping key, which would walk an expanded alias. `YAMLPreScan` refuses a
///   document that may hold both an alias and a complex key before composing. Converting then
///   allows a few small aliases: at most `maxAliases` alias uses, together expanding to at most
///   `maxAliasValues` values. A billion-laughs document stops at that budget.
public enum YAMLReader {
    public static let maxDepth = 64
    public static let maxAliases = 100
    public static let maxAliasValues = 10_000
    public static let maxBytes = 4 << 20

    /// Parses `text`; locations are reported in `path`, shifted down by `lineOffset` lines
    /// (for YAML embedded in an article). Returns nil for an empty document.
    public static func read(_ text: String, path: String, lineOffset: Int = 0) throws(Diagnostic) -> YAMLValue? {
        let place = YAMLPlace(path: path, lineOffset: lineOffset)
        guard text.utf8.count <= maxBytes else {
            throw Diagnostic(at: place.location(line: 1, column: 1), YAMLIssue.tooLarge(limit: maxBytes))
        }
        let scan = YAMLPreScan(text)
        if scan.hasAlias, let key = scan.firstComplexKey {
            throw Diagnostic(at: place.location(line: key.line, column: key.column), YAMLIssue.aliasInKey)
        }
        let parser: Parser
        let node: Node?
        do {
            // `.basic`: no tag rules, so no regular expression per scalar (typing is ours), and `1` and
            // `"1"` are one key. The encoding is explicit: `.default` reads the environment on every call.
            parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            node = try parser.singleRoot()
        } catch let error as YamlError {
            throw YAMLErrorMapping(text: text, place: place).diagnostic(for: error)
        } catch {
            throw Diagnostic(at: place.location(line: 1, column: 1), YAMLIssue.syntax("unreadable document"))
        }
        guard let node else { return nil }
        // Nodes hold their anchors weakly and the parser owns them: keep it alive to tell aliases apart.
        return try withExtendedLifetime(parser) { () throws(Diagnostic) -> YAMLValue in
            var converter = YAMLConverter(place: place)
            return try converter.convert(node, depth: 0)
        }
    }
}

/// Where a document sits: its path and how far down its file it starts.
struct YAMLPlace {
    var path: String
    var lineOffset: Int

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line + lineOffset, column: column)
    }

    func location(_ mark: Mark?) -> SourceLocation {
        location(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }
}
