import Foundation

/// The only place `folio check` touches the disk: it reads the output folder into a `BuiltSite`.
extension BuiltSite {
    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case notAFolder(String)
        case unreadable(String)

        public var description: String {
            switch self {
            case .notAFolder(let path): "\(path) is not a built site folder; run 'folio build' first"
            case .unreadable(let path): "cannot read \(path)"
            }
        }
    }

    /// Reads every file under `folder`, skipping top-level dot-entries (folio's own state, a deployment `.git`).
    public static func load(from folder: URL) throws(LoadError) -> BuiltSite {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .notAFolder(folder.path)
        }
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw .unreadable(folder.path)
        }
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
        var site = BuiltSite()
        for case let url as URL in enumerator {
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard full.hasPrefix(root + "/") else { continue }
            let path = String(full.dropFirst(root.count + 1))
            if path.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            site.files.insert(path)
            if needsText(path) {
                guard let data = FileManager.default.contents(atPath: url.path) else { throw .unreadable(url.path) }
                site.documents[path] = String(decoding: data, as: UTF8.self)
            }
        }
        return site
    }
}
