import FolioTemplates

/// Everything a build reads, loaded into memory, so the rest of the build never touches the disk.
public struct ProjectSnapshot: Sendable {
    /// An input file: its path inside its folder and its bytes.
    public struct File: Sendable, Equatable {
        public var path: String
        public var bytes: [UInt8]
        /// The path as shown in errors: `Content/assets/x.png`.
        public var displayPath: String

        public init(path: String, bytes: [UInt8], displayPath: String? = nil) {
            self.path = path
            self.bytes = bytes
            self.displayPath = displayPath ?? path
        }
    }

    public var layout: ProjectLayout
    public var siteConfig: File?
    /// Markdown files of Content/, sorted by path.
    public var articles: [File]
    /// Files of Content/data/, sorted by path (datasets and their sidecars).
    public var dataFiles: [File]
    /// Files copied as they are: Templates/assets/ then Content/, sorted by their output path.
    public var assets: [File]
    public var templates: [TemplateSource]
}
