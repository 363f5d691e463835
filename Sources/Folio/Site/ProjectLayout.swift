import Foundation

/// Where a project's folders are, and how errors name them.
public struct ProjectLayout: Sendable {
    public var content: URL
    public var templates: URL
    public var output: URL
    public var contentName: String
    public var templatesName: String
    public var outputName: String

    /// Each path is taken relative to `base` (the current folder) and named in errors as given.
    public init(content: String = "Content", templates: String = "Templates", output: String = "Output", base: URL? = nil) {
        let base = base ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        func resolve(_ path: String) -> URL {
            (path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)).standardizedFileURL
        }
        self.content = resolve(content)
        self.templates = resolve(templates)
        self.output = resolve(output)
        self.contentName = Self.displayName(content)
        self.templatesName = Self.displayName(templates)
        self.outputName = Self.displayName(output)
    }

    private static func displayName(_ path: String) -> String {
        var name = path
        while name.count > 1, name.hasSuffix("/") { name.removeLast() }
        if name.hasPrefix("./") { name.removeFirst(2) }
        return name
    }
}
