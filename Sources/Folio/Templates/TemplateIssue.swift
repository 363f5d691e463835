import FolioCore

/// Everything the Templates stage can say is wrong.
public enum TemplateIssue: DiagnosticReason, Equatable {
    case parse(String)
    case unknownPartial(String, known: [String])
    case unknownLayout(String, known: [String])
    case nameClash(String)
    case nestedTooDeep(limit: Int)
    case neverClosed(String)
    case closedUnopened(String)
    case closedWrongName(String, opened: String)
    case includesItself(loop: [String])
    case includesTooDeep(limit: Int)
    case invalidUTF8
    case missingWord(String, language: String)
    case wordNotText(String)
    case wordsNotAMapping

    public var message: String {
        switch self {
        case .parse(let problem): "template: \(problem); expected a valid Mustache template"
        case .unknownPartial(let name, let known):
            "template: unknown partial '\(name)'; expected one of \(Self.list(known))"
        case .unknownLayout(let name, let known):
            "unknown layout '\(name)'; expected one of \(Self.list(known)) (files in Templates/layouts/)"
        case .nameClash(let name):
            "template: '\(name)' is both a layout and a partial; expected different names"
        case .nestedTooDeep(let limit): "template: sections nested more than \(limit) deep; expected fewer levels"
        case .neverClosed(let name): "template: section '\(name)' opened here is never closed; expected {{/\(name)}}"
        case .closedUnopened(let name): "template: {{/\(name)}} closes a section that is not open; expected a matching {{#\(name)}}"
        case .closedWrongName(let name, let opened):
            "template: {{/\(name)}} closes section '\(opened)'; expected {{/\(opened)}}"
        case .includesItself(let loop):
            "template: '\(loop.first ?? "")' includes itself (\(loop.joined(separator: " → "))); expected no partial or parent to "
                + "include itself, directly or through others"
        case .includesTooDeep(let limit): "template: partials and parents included more than \(limit) deep; expected a shorter chain"
        case .invalidUTF8: "template: invalid UTF-8 byte; expected a UTF-8 text file"
        case .missingWord(let word, let language):
            "theme word '\(word)' is missing for language '\(language)'; expected '\(word): …' in this file"
        case .wordNotText(let word): "theme word '\(word)' is not text; expected 'NAME: text'"
        case .wordsNotAMapping: "theme words: expected a mapping of word name to text ('show_numbers: Show the numbers')"
        }
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "(none)" : names.joined(separator: ", ")
    }
}

extension TemplateIssue {
    /// Human words for swift-mustache's parser errors.
    static func describe(_ error: any Error) -> String {
        let name = String(describing: error)
        switch name {
        case "sectionCloseNameIncorrect": return "a section is closed with a different name than it was opened with"
        case "unfinishedName": return "a tag is not finished"
        case "expectedSectionEnd": return "a section is never closed"
        case "invalidSetDelimiter": return "a set-delimiter tag is malformed"
        case "transformAppliedToInheritanceSection": return "a transform is applied to an inheritance section"
        case "illegalTokenInsideInheritSection": return "a tag other than a block sits inside an inheritance section"
        case "textInsideInheritSection": return "text sits inside an inheritance section"
        case "invalidConfigVariableSyntax": return "a pragma tag is malformed"
        case "unrecognisedConfigVariable": return "a pragma names an unknown setting"
        default: return name
        }
    }
}
