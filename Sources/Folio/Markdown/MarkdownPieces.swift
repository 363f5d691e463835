import FolioCore

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

/// A piece of an article that a later stage may replace, in document order.
public enum MarkdownPiece: Sendable, Equatable {
    case fencedBlock(FencedBlock)
    case inlineCode(InlineCode)
    case link(LinkDestination)
}

/// What replaces a piece when the document is rendered: generated HTML for a block or code span,
/// or a new destination for a link.
public enum MarkdownReplacement: Sendable, Equatable {
    case html(String)
    case url(String)
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
