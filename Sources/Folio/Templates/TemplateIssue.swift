import FolioCore

/// Everything the Templates stage can say is wrong.
public enum TemplateIssue: DiagnosticReason, Equatable {
    case parse(String)
    case unknownPartial(String, known: [String])
    case unknownLayout(String, known: [String])
    case nameClash(String)

    public var message: String {
        switch self {
        case .parse(let problem): "template: \(problem); expected a valid Mustache template"
        case .unknownPartial(let name, let known):
            "template: unknown partial '\(name)'; expected one of \(Self.list(known))"
        case .unknownLayout(let name, let known):
            "unknown layout '\(name)'; expected one of \(Self.list(known)) (files in Templates/layouts/)"
        case .nameClash(let name):
            "template: '\(name)' is both a layout and a partial; expected different names"
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
