/// A built site held in memory: every file's path, and the text of the documents whose links and ids matter.
public struct BuiltSite: Sendable {
    /// Paths of every file, relative to the output folder, with `/` separators.
    public var files: Set<String>
    /// The text of every HTML page and SVG file, by path.
    public var documents: [String: String] {
        didSet { files.formUnion(documents.keys) }
    }

    public init(files: Set<String> = [], documents: [String: String] = [:]) {
        self.files = files.union(documents.keys)
        self.documents = documents
    }

    /// The HTML pages, sorted.
    public var pages: [String] {
        documents.keys.filter { Self.isPage($0) }.sorted()
    }

    static func isPage(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".html") || lowered.hasSuffix(".htm")
    }

    /// Whether the checker needs the file's text, not only that it exists.
    public static func needsText(_ path: String) -> Bool {
        isPage(path) || path.lowercased().hasSuffix(".svg")
    }
}
