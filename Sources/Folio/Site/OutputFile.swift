import Foundation

/// One file of the built site: its path inside the output folder and where its bytes are.
public struct OutputFile: Sendable, Equatable {
    /// Where a file's bytes are.
    public enum Content: Sendable, Equatable {
        /// Made by this build and held here.
        case bytes([UInt8])
        /// Made by this build and already written to the writer's fresh folder.
        case written(hash: String)
        /// The file of the same path in the current output, unchanged (a page the build did not re-render).
        case reused(hash: String)
        /// A file copied as it is (an asset), streamed from its source when written.
        case copy(URL, hash: String)
    }

    public var path: String
    public var content: Content

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.content = .bytes(bytes)
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    private init(path: String, content: Content) {
        self.path = path
        self.content = content
    }

    /// The file of this path in the current output, which has this hash.
    public static func reused(path: String, hash: String) -> OutputFile { OutputFile(path: path, content: .reused(hash: hash)) }

    /// A file copied from `url`, whose bytes hash to `hash`.
    public static func copy(path: String, from url: URL, hash: String) -> OutputFile {
        OutputFile(path: path, content: .copy(url, hash: hash))
    }

    /// A file this build already wrote to the writer's fresh folder.
    static func written(path: String, hash: String) -> OutputFile { OutputFile(path: path, content: .written(hash: hash)) }

    /// The bytes, when this value holds them (empty otherwise).
    public var bytes: [UInt8] {
        if case .bytes(let bytes) = content { return bytes }
        return []
    }

    public var hash: String {
        switch content {
        case .bytes(let bytes): ContentHash.of(bytes)
        case .written(let hash), .reused(let hash), .copy(_, let hash): hash
        }
    }
}
