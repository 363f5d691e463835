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

        let contentFiles = FileTree.list(layout.content, named: layout.contentName, problems: &problems)
        let templateFiles = FileTree.list(layout.templates, named: layout.templatesName, problems: &problems).map(\.path)
        var snapshot = ProjectSnapshot(layout: layout, siteConfig: nil, articles: [], dataFiles: [], assets: [], templates: [])
        for entry in contentFiles {
            let path = entry.path
            if path.hasPrefix("data/") || path.hasSuffix(".md") || path == "site.yml", entry.size > maxInputBytes {
                let at = SourceLocation(path: "\(layout.contentName)/\(path)")
                problems.add(Diagnostic(at: at, SiteIssue.inputTooLarge(bytes: entry.size, limit: maxInputBytes)))
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
        var hasher = ContentHash.Running()
        hasher.add(InputHashes.rendererVersion)
        hasher.add("drafts=\(options.drafts) base=\(options.baseURL ?? "")")
        for (root, name) in [(layout.content, layout.contentName), (layout.templates, layout.templatesName)] {
            for entry in FileTree.list(root, named: name, problems: &problems) {
                hasher.add(name)
                hasher.add(entry.path)
                hasher.add([entry.size] + entry.stamp)
            }
        }
        return problems.isEmpty ? hasher.finish() : nil
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
