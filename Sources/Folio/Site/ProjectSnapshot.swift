import FolioTemplates
import Foundation

/// What a build reads: site.yml, datasets and templates in memory; articles and assets by where
/// they are, read when needed (an unchanged article is known from the last build's record).
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

    /// A file copied as it is: read here only to hash it, and streamed into the output, so a
    /// large one never sits in memory.
    public struct Asset: Sendable, Equatable {
        /// The path inside the output, as inside its folder: `assets/style.css`.
        public var path: String
        public var url: URL
        public var hash: String
        /// The path as shown in errors: `Content/assets/x.png`.
        public var displayPath: String
        public var size: Int
        public var stamp: FileStamp
    }

    /// An article file: where it is, its `stat`, and, when it is unchanged since the last build,
    /// that build's record of it (so it need not be read).
    public struct ArticleFile: Sendable {
        public var path: String
        public var displayPath: String
        /// Its path on disk.
        public var location: String
        public var size: Int
        public var stamp: FileStamp
        /// Set when the file's `stat` is the one the last build recorded.
        public var known: BuildState.InputRecord?
    }

    public var layout: ProjectLayout
    public var siteConfig: File?
    /// Markdown files of Content/, sorted by path.
    public var articles: [ArticleFile]
    /// Files of Content/data/, sorted by path (datasets and their sidecars).
    public var dataFiles: [File]
    /// Files copied as they are: Templates/assets/ then Content/, sorted by their output path.
    public var assets: [Asset]
    public var templates: [TemplateSource]
    /// The theme's words, `Templates/i18n/LANG.yml`.
    public var themeWords: [ThemeWords.File] = []
}
