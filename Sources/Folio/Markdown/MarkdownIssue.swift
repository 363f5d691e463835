import FolioCore

/// Everything the Markdown stage can say is wrong.
public enum MarkdownIssue: DiagnosticReason, Equatable {
    case invalidUTF8
    case tooLarge(bytes: Int, limit: Int)
    case parserFailed

    public var message: String {
        switch self {
        case .invalidUTF8: "invalid UTF-8 byte; expected a UTF-8 encoded text file"
        case .tooLarge(let bytes, let limit):
            "article is \(bytes) bytes; expected at most \(limit) bytes (split it into several articles)"
        case .parserFailed: "the Markdown parser failed; expected CommonMark text"
        }
    }
}
