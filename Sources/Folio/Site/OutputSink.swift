import FolioCore
import Foundation

/// Where a build's pages go as soon as they are rendered, so a build never holds every page in memory.
public protocol OutputSink: Sendable {
    /// Takes a made file and returns what the build keeps of it (for a written file, its path and hash).
    func accept(_ file: OutputFile) throws(Diagnostic) -> OutputFile
}

/// Keeps every file in memory: for tests and for building without an output folder.
public struct KeepInMemory: OutputSink {
    public init() {}
    public func accept(_ file: OutputFile) -> OutputFile { file }
}

/// Writes pages into the output writer's fresh folder, from any thread, keeping only their hashes.
public struct FreshFolder: OutputSink {
    /// The fresh folder's path.
    let root: String
    /// On the first build of a large site, a folder that gets a hard link to every page as it is
    /// written: the spare tree the next build makes its site in (`OutputWriter.twinnedFiles`).
    var twin: String? = nil
    let displayName: String

    public func accept(_ file: OutputFile) throws(Diagnostic) -> OutputFile {
        guard case .bytes(let bytes) = file.content else { return file }
        let path = root + "/" + file.path
        do {
            try Self.inFolder(of: path) { try PlainFile.write(bytes, to: path) }
            if let twin {
                let copy = twin + "/" + file.path
                try Self.inFolder(of: copy) {
                    guard link(path, copy) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                }
            }
        } catch {
            throw Diagnostic(at: SourceLocation(path: displayName), SiteIssue.writeFailed(error.localizedDescription))
        }
        return .written(path: file.path, hash: ContentHash.of(bytes))
    }

    /// Runs `make` (which makes a file at `path`), making the file's folder first if it is missing.
    private static func inFolder(of path: String, _ make: () throws -> Void) throws {
        do {
            try make()
        } catch let error as POSIXError where error.code == .ENOENT {
            let folder = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
            // Another thread may be making the same folder; the second try tells whether it is there.
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try make()
        }
    }
}
