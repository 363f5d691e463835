import FolioCore
import FolioTemplates
import Foundation

/// The one place a build reads the project from disk.
public enum ProjectReader {
    /// Datasets and articles larger than this are refused before they are read, so memory stays bounded.
    public static let maxInputBytes = 64 << 20

    public static func read(_ layout: ProjectLayout) throws(Diagnostics) -> ProjectSnapshot {
        var problems = DiagnosticCollector()
        for (url, name) in [(layout.content, layout.contentName), (layout.templates, layout.templatesName)] {
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) || !isFolder.boolValue {
                problems.add(Diagnostic(at: SourceLocation(path: name), SiteIssue.missingFolder(name)))
            }
        }
        try problems.throwIfAny()

        let contentFiles = listFiles(in: layout.content, named: layout.contentName, problems: &problems)
        let templateFiles = listFiles(in: layout.templates, named: layout.templatesName, problems: &problems)
        var snapshot = ProjectSnapshot(layout: layout, siteConfig: nil, articles: [], dataFiles: [], assets: [], templates: [])
        for path in contentFiles {
            if path.hasPrefix("data/") || path.hasSuffix(".md") || path == "site.yml",
                let size = fileSize(layout.content.appendingPathComponent(path)), size > maxInputBytes
            {
                let at = SourceLocation(path: "\(layout.contentName)/\(path)")
                problems.add(Diagnostic(at: at, SiteIssue.inputTooLarge(bytes: size, limit: maxInputBytes)))
                continue
            }
            let isAsset = path != "site.yml" && !path.hasPrefix("data/") && !path.hasSuffix(".md")
            if isAsset {
                if let asset = hashAsset(layout.content, path, named: layout.contentName, problems: &problems) {
                    snapshot.assets.append(asset)
                }
                continue
            }
            guard let bytes = readBytes(layout.content, path, named: layout.contentName, problems: &problems) else { continue }
            let file = ProjectSnapshot.File(path: path, bytes: bytes, displayPath: "\(layout.contentName)/\(path)")
            if path == "site.yml" {
                snapshot.siteConfig = file
            } else if path.hasPrefix("data/") {
                snapshot.dataFiles.append(file)
            } else {
                snapshot.articles.append(file)
            }
        }
        var themeAssets: [ProjectSnapshot.Asset] = []
        for path in templateFiles {
            if path.hasPrefix("assets/") {
                if let asset = hashAsset(layout.templates, path, named: layout.templatesName, problems: &problems) {
                    themeAssets.append(asset)
                }
                continue
            }
            guard let bytes = readBytes(layout.templates, path, named: layout.templatesName, problems: &problems) else { continue }
            if let source = templateSource(path: path, bytes: bytes, folderName: layout.templatesName) {
                snapshot.templates.append(source)
            }
        }
        // Content's own files win over the theme's at the same path.
        let contentPaths = Set(snapshot.assets.map(\.path))
        snapshot.assets += themeAssets.filter { !contentPaths.contains($0.path) }
        snapshot.assets.sort { $0.path < $1.path }
        try problems.throwIfAny()
        return snapshot
    }

    /// A hash of every input file's path, size, inode and change times: equal stamps mean no input
    /// was touched, so a rebuild can stop before reading anything. Nil when the folders cannot be listed cleanly.
    static func stamp(_ layout: ProjectLayout, options: BuildOptions) -> String? {
        var problems = DiagnosticCollector()
        var parts = [InputHashes.rendererVersion, "drafts=\(options.drafts) base=\(options.baseURL ?? "")"]
        for (root, name) in [(layout.content, layout.contentName), (layout.templates, layout.templatesName)] {
            for path in listFiles(in: root, named: name, problems: &problems) {
                var info = stat()
                guard stat(root.appendingPathComponent(path).path, &info) == 0 else { return nil }
                parts.append(
                    "\(name)/\(path) \(info.st_size) \(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) "
                        + "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)")
            }
        }
        return problems.isEmpty ? ContentHash.combine(parts) : nil
    }

    private static func templateSource(path: String, bytes: [UInt8], folderName: String) -> TemplateSource? {
        guard path.hasSuffix(".mustache") else { return nil }
        let parts = path.split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let kind: TemplateSource.Kind
        switch parts[0] {
        case "layouts": kind = .layout
        case "partials": kind = .partial
        default: return nil
        }
        let name = String(parts[1].dropLast(".mustache".count))
        return TemplateSource(name: name, kind: kind, displayPath: "\(folderName)/\(path)", bytes: bytes)
    }

    /// Every regular file under `root`, as sorted `/`-separated relative paths; dot-entries are skipped,
    /// a symbolic link that leads outside `root` is an error, and a folder reached twice (a link loop) is read once.
    static func listFiles(in root: URL, named rootName: String, problems: inout DiagnosticCollector) -> [String] {
        let rootPath = root.resolvingSymlinksInPath().path
        var files: [String] = []
        var pending = [""]
        var seenFolders = Set<[UInt64]>()
        let manager = FileManager.default
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root.path : root.path + "/" + relative
            var info = stat()
            guard stat(folder, &info) == 0, seenFolders.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted,
                let names = try? manager.contentsOfDirectory(atPath: folder)
            else { continue }
            for name in names where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : relative + "/" + name
                let full = folder + "/" + name
                guard lstat(full, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFLNK {
                    guard let resolved = realpath(full, nil) else { continue }  // a dangling link: nothing to read
                    let target = String(cString: resolved)
                    free(resolved)
                    if target != rootPath, !target.hasPrefix(rootPath + "/") {
                        problems.add(Diagnostic(at: SourceLocation(path: "\(rootName)/\(path)"), SiteIssue.symlinkLeavesProject(target)))
                        continue
                    }
                    guard stat(full, &info) == 0 else { continue }
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: pending.append(path)
                case S_IFREG: files.append(path)
                default: continue
                }
            }
        }
        return files.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    private static func fileSize(_ url: URL) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int
    }

    private static func hashAsset(
        _ root: URL, _ path: String, named rootName: String, problems: inout DiagnosticCollector
    ) -> ProjectSnapshot.Asset? {
        let url = root.appendingPathComponent(path)
        do {
            return ProjectSnapshot.Asset(path: path, url: url, hash: try ContentHash.ofFile(url.path), displayPath: "\(rootName)/\(path)")
        } catch {
            problems.add(Diagnostic(at: SourceLocation(path: "\(rootName)/\(path)"), SiteIssue.unreadable(error.localizedDescription)))
            return nil
        }
    }

    private static func readBytes(_ root: URL, _ path: String, named rootName: String, problems: inout DiagnosticCollector) -> [UInt8]? {
        do {
            return Array(try Data(contentsOf: root.appendingPathComponent(path)))
        } catch {
            problems.add(Diagnostic(at: SourceLocation(path: "\(rootName)/\(path)"), SiteIssue.unreadable(error.localizedDescription)))
            return nil
        }
    }
}
