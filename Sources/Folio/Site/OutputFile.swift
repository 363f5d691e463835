import Foundation

/// One file of the built site: its path inside the output folder and its bytes, or, for a page
/// the incremental build did not re-render, the hash of the file already in the output.
public struct OutputFile: Sendable, Equatable {
    public var path: String
    public var bytes: [UInt8]
    /// Set when the file is the one of the same path in the current output, unchanged.
    public var reusedHash: String?
    /// Set for a file copied as it is (an asset): it is streamed from here, and `bytes` is empty.
    public var copiedFrom: URL?
    private var copiedHash: String?

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The file of this path in the current output, which has this hash.
    public static func reused(path: String, hash: String) -> OutputFile {
        var file = OutputFile(path: path, bytes: [])
        file.reusedHash = hash
        return file
    }

    /// A file copied from `url`, whose bytes hash to `hash`.
    public static func copy(path: String, from url: URL, hash: String) -> OutputFile {
        var file = OutputFile(path: path, bytes: [])
        file.copiedFrom = url
        file.copiedHash = hash
        return file
    }

    public var hash: String { reusedHash ?? copiedHash ?? ContentHash.of(bytes) }
}
