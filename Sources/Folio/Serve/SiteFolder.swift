import FolioCore
import Foundation

/// Maps request paths to files of the built site, refusing anything that could leave it.
public struct SiteFolder: Sendable {
    /// What a request path leads to.
    public enum Resolution: Sendable, Equatable {
        case file(URL)
        /// A folder asked for without its trailing slash: relative links inside it need the slash.
        case redirect(String)
        case missing
        /// `..`, dot-entries, encoded slashes, NUL bytes, a relative path, or a symbolic link out of the site.
        case refused
    }

    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// `percentEncodedPath` is the request target's path exactly as sent, before any decoding.
    public func resolve(_ percentEncodedPath: String) -> Resolution {
        guard percentEncodedPath.hasPrefix("/") else { return .refused }
        var segments: [String] = []
        for raw in percentEncodedPath.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = PercentDecoding.decode(String(raw)), !segment.isEmpty else { return .refused }
            if segment.hasPrefix(".") || segment.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" }) { return .refused }
            segments.append(segment)
        }
        let asksForFolder = percentEncodedPath.hasSuffix("/")
        let target = segments.reduce(root) { $0.appendingPathComponent($1) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder) else { return .missing }
        if isFolder.boolValue {
            guard asksForFolder || segments.isEmpty else { return .redirect(percentEncodedPath + "/") }
            return contained(target.appendingPathComponent("index.html"))
        }
        return asksForFolder ? .missing : contained(target)
    }

    /// The file, if it exists and its real path, symbolic links resolved, is still inside the site.
    private func contained(_ file: URL) -> Resolution {
        guard let rootPath = Self.realPath(root), let filePath = Self.realPath(file) else { return .missing }
        guard filePath.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/") else { return .refused }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: filePath, isDirectory: &isFolder), !isFolder.boolValue else { return .missing }
        return .file(URL(fileURLWithPath: filePath))
    }

    private static func realPath(_ url: URL) -> String? {
        guard let resolved = realpath(url.path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
