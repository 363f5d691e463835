import FolioCore
import FolioYAML

/// One Markdown article: its front matter, read and checked, and its body still to be rendered.
public struct Article: Sendable {
    /// The path inside `Content/`, with `/` separators: `analysis/ipo.md`.
    public var path: String
    /// The path as shown in errors: `Content/analysis/ipo.md`.
    public var displayPath: String
    public var title: String
    public var summary: String?
    public var date: ISODate?
    public var updated: ISODate?
    public var layout: String
    public var layoutLocation: SourceLocation
    public var order: Int?
    public var draft: Bool
    public var sources: [Source]
    /// Front-matter keys folio does not know, passed to templates as `page.params`.
    public var params: [YAMLEntry]
    public var body: [UInt8]
    public var bodyLineOffset: Int

    /// The built page's path: `analysis/ipo.html`.
    public var outputPath: String { String(path.dropLast(3)) + ".html" }
}
