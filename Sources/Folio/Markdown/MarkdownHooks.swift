import FolioCore

/// A fenced code block found in an article: its info string, its text, and where its body starts.
public struct FencedBlock: Sendable, Equatable {
    public var info: String
    public var body: String
    /// The location of the opening fence.
    public var location: SourceLocation

    public init(info: String, body: String, location: SourceLocation) {
        self.info = info
        self.body = body
        self.location = location
    }

    /// The location of the first body line (the line after the fence).
    public var bodyLocation: SourceLocation { location.offset(lines: 1, column: 1) }
}

/// An inline code span: its text and the location of its opening backtick.
public struct InlineCode: Sendable, Equatable {
    public var code: String
    public var location: SourceLocation

    public init(code: String, location: SourceLocation) {
        self.code = code
        self.location = location
    }
}

/// A link destination found in an article.
public struct LinkDestination: Sendable, Equatable {
    public var url: String
    public var location: SourceLocation
    public var isImage: Bool

    public init(url: String, location: SourceLocation, isImage: Bool) {
        self.url = url
        self.location = location
        self.isImage = isImage
    }
}

/// What the pipeline does with the pieces of an article while it is rendered. Each hook returns
/// the replacement (raw HTML for blocks and code spans, a URL for links) or nil to keep the original.
/// A hook throws a `Diagnostic` to report an error; rendering goes on and collects all of them.
public struct MarkdownHooks: Sendable {
    public var fencedBlock: @Sendable (FencedBlock) throws -> String?
    public var inlineCode: @Sendable (InlineCode) throws -> String?
    public var link: @Sendable (LinkDestination) throws -> String?

    public init(
        fencedBlock: @escaping @Sendable (FencedBlock) throws -> String? = { _ in nil },
        inlineCode: @escaping @Sendable (InlineCode) throws -> String? = { _ in nil },
        link: @escaping @Sendable (LinkDestination) throws -> String? = { _ in nil }
    ) {
        self.fencedBlock = fencedBlock
        self.inlineCode = inlineCode
        self.link = link
    }

    public static let none = MarkdownHooks()
}

/// A heading of the rendered article, for a table of contents.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String

    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// Options for rendering one article.
public struct MarkdownOptions: Sendable, Equatable {
    /// Curly quotes, dashes and ellipses.
    public var smartPunctuation = true
    /// Keep raw HTML (`unsafe_html: true` in site.yml); otherwise it is left out.
    public var allowRawHTML = false
    /// Give headings `id`s and collect them for a table of contents.
    public var anchorHeadings = true
    /// Lines before the Markdown body in its file (front matter), so locations point into the file.
    public var lineOffset = 0

    public init(smartPunctuation: Bool = true, allowRawHTML: Bool = false, anchorHeadings: Bool = true, lineOffset: Int = 0) {
        self.smartPunctuation = smartPunctuation
        self.allowRawHTML = allowRawHTML
        self.anchorHeadings = anchorHeadings
        self.lineOffset = lineOffset
    }
}

/// The HTML of an article and what the templates need besides.
public struct RenderedMarkdown: Sendable, Equatable {
    public var html: String
    public var headings: [Heading]
}
