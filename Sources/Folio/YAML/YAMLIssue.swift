import FolioCore

/// Everything the YAML reader and `YAMLFields` can say is wrong. A field problem starts with the
/// context of its mapping ("chart", "front matter", "meta").
public enum YAMLIssue: DiagnosticReason, Equatable {
    case syntax(String)
    case duplicateKey(String)
    case nonTextKey
    case tabIndent
    case tooDeep(limit: Int)
    case tooManyAliases(limit: Int)
    case aliasTooLarge(anchor: String, limit: Int)
    case aliasInKey
    case tooLarge(limit: Int)
    case notAMapping(in: String, found: String)
    case unknownKey(in: String, key: String, known: [String])
    case missingKey(in: String, key: String)
    case wrongType(in: String, key: String, expected: String)
    case unsafeSourceURL(String)

    public var message: String {
        switch self {
        case .syntax(let problem):
            "YAML: \(problem); expected valid YAML"
        case .unsafeSourceURL(let url):
            "source url '\(url)' is not an absolute http(s) address; expected one like https://www.sec.gov/… (or no url)"
        case .duplicateKey(let key):
            "YAML: duplicate key '\(key)'; expected each key once per mapping"
        case .nonTextKey:
            "YAML: a key that is a list or mapping; expected a plain key"
        case .tabIndent:
            "YAML: tab character in indentation; expected spaces"
        case .tooDeep(let limit):
            "YAML: nested deeper than \(limit) levels; expected flatter data"
        case .tooManyAliases(let limit):
            "YAML: more than \(limit) aliases; expected values written out (aliases are limited to stop alias bombs)"
        case .aliasTooLarge(let anchor, let limit):
            "YAML: aliases of '&\(anchor)' expand to more than \(limit) values; expected values written out (aliases are limited to stop alias bombs)"
        case .aliasInKey:
            "YAML: a document with aliases and a complex key ('?', a list or an alias before ':'); expected plain keys when aliases are used"
        case .tooLarge(let limit):
            "YAML: larger than \(limit) bytes; expected a smaller document"
        case .notAMapping(let context, let found):
            "\(context) is \(found); expected 'key: value' lines"
        case .unknownKey(let context, let key, let known):
            "\(context): unknown key '\(key)'; expected one of \(known.joined(separator: ", "))"
        case .missingKey(let context, let key):
            "\(context): no '\(key)'; expected '\(key): …'"
        case .wrongType(let context, let key, let expected):
            "\(context): '\(key)' has the wrong type; expected \(expected)"
        }
    }
}
