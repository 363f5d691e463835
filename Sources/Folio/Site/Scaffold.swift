import FolioCore
import Foundation

/// `folio new DIR`: a project that builds as it is, from the files built into the binary.
public enum Scaffold {
    /// Why a new project could not be created.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The default theme's files, by path inside Templates/.
    public static var themeFiles: [(path: String, bytes: [UInt8])] { decode(EmbeddedFiles.theme) }

    /// The starter project's files, by path inside Content/.
    public static var starterFiles: [(path: String, bytes: [UInt8])] { decode(EmbeddedFiles.starter) }

    public static func create(at folder: URL) throws(Failure) {
        let manager = FileManager.default
        if let entries = try? manager.contentsOfDirectory(atPath: folder.path), !entries.isEmpty {
            throw Failure(description: "'\(folder.path)' is not empty; expected a new or empty folder")
        }
        do {
            for (base, files) in [("Content", starterFiles), ("Templates", themeFiles)] {
                for file in files {
                    let target = folder.appendingPathComponent(base).appendingPathComponent(file.path)
                    try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(file.bytes).write(to: target)
                }
            }
            // The site, folio's state beside it, and the spare tree and lock of its output writer.
            try Data("/Output/\n/.folio/\n/.Output.folio-*\n".utf8).write(to: folder.appendingPathComponent(".gitignore"))
        } catch {
            throw Failure(description: "cannot write the new project: \(error.localizedDescription)")
        }
    }

    private static func decode(_ files: [(path: String, base64: String)]) -> [(path: String, bytes: [UInt8])] {
        files.map { ($0.path, Data(base64Encoded: $0.base64).map(Array.init) ?? []) }
    }
}
