/// A fenced code block found in an article: its info string, its text, and where it starts.
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

    /// The first word of the info string (`chart` in "```chart"), which names the block's kind.
    public var kind: Substring? { info.split(separator: " ").first }
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
