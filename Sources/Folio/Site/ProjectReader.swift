import FolioCore
import FolioTemplates
import Foundation

/// The one place a build reads the project from disk.
public enum ProjectReader {
    /// Datasets and articles larger than this are refused before they are read, so memory stays bounded.
    public static let maxInputBytes = 64 << 20

    /// Every input file with its `stat`, and the stamp of them all: listed once per build.
    public struct Listing: Sendable {
        var content: [FileTree.Entry]
        var templates: [FileTree.Entry]
        var stamp: String
        /// When the listing was made, in nanoseconds since the epoch.
        var time: Int
    }

    /// Lists the content and templates folders; an error here (a missing folder) fails the build.
    public static func list(_ layout: ProjectLayout, options: BuildOptions) throws(Diagnostics) -> Listing {
        var problems = DiagnosticCollector()
        for (url, name) in [(layout.content, layout.contentName), (layout.templates, layout.templatesName)] {
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) || !isFolder.boolValue {
                problems.add(Diagnostic(at: SourceLocation(path: name), SiteIssue.missingFolder(name)))
            }
        }
        try problems.throwIfAny()
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let content = FileTree.list(layout.content, named: layout.contentName, problems: &problems)
        let templates = FileTree.list(layout.templates, named: layout.templatesName, problems: &problems)
        var hasher = ContentHash.Running()
        hasher.add(InputHashes.rendererVersion)
        hasher.add("drafts=\(options.drafts) base=\(options.baseURL ?? "")")
        for (name, entries) in [(layout.contentName, content), (layout.templatesName, templates)] {
            for entry in entries {
                hasher.add(name)
                hasher.add(entry.path)
                hasher.add([entry.size] + entry.stamp.numbers)
            }
        }
        try problems.throwIfAny()
        return Listing(content: content, templates: templates, stamp: hasher.finish(), time: now.tv_sec * 1_000_000_000 + now.tv_nsec)
    }

    /// Reads what the listing holds: site.yml, datasets and templates into memory; articles and
    /// assets by place, with the last build's record (`known`, by display path) of those whose
    /// `stat` has not changed, so they are not read or hashed again.
    public static func read(
        _ layout: ProjectLayout, listing: Listing, known: [String: BuildState.InputRecord] = [:]
    ) throws(Diagnostics) -> ProjectSnapshot {
        var problems = DiagnosticCollector()
        var snapshot = ProjectSnapshot(layout: layout, siteConfig: nil, articles: [], dataFiles: [], assets: [], templates: [])
        func record(_ entry: FileTree.Entry, displayPath: String) -> BuildState.InputRecord? {
            guard let record = known[displayPath], record.size == entry.size, record.stamp == entry.stamp else { return nil }
            return record
        }
        let contentRoot = layout.content.path
        for entry in listing.content {
            let path = entry.path
            let displayPath = "\(layout.contentName)/\(path)"
            if path.hasPrefix("data/") || path.hasSuffix(".md") || path == "site.yml", entry.size > maxInputBytes {
                problems.add(
                    Diagnostic(at: SourceLocation(path: displayPath), SiteIssue.inputTooLarge(bytes: entry.size, limit: maxInputBytes)))
                continue
            }
            if path.hasSuffix(".md") {
                snapshot.articles.append(
                    ProjectSnapshot.ArticleFile(
                        path: path, displayPath: displayPath, location: contentRoot + "/" + path, size: entry.size,
                        stamp: entry.stamp, known: record(entry, displayPath: displayPath)))
                continue
            }
            if path != "site.yml", !path.hasPrefix("data/") {
                let known = record(entry, displayPath: displayPath)
                if let asset = asset(layout.content, entry, named: layout.contentName, known: known, problems: &problems) {
                    snapshot.assets.append(asset)
                }
                continue
            }
            guard let bytes = readBytes(contentRoot, entry, named: layout.contentName, problems: &problems) else { continue }
            let file = ProjectSnapshot.File(path: path, bytes: bytes, displayPath: displayPath)
            if path == "site.yml" {
                snapshot.siteConfig = file
            } else {
                snapshot.dataFiles.append(file)
            }
        }
        var themeAssets: [ProjectSnapshot.Asset] = []
        let templatesRoot = layout.templates.path
        for entry in listing.templates {
            let path = entry.path
            if path.hasPrefix("assets/") {
                let known = record(entry, displayPath: "\(layout.templatesName)/\(path)")
                if let asset = asset(layout.templates, entry, named: layout.templatesName, known: known, problems: &problems) {
                    themeAssets.append(asset)
                }
                continue
            }
            guard let bytes = readBytes(templatesRoot, entry, named: layout.templatesName, problems: &problems) else { continue }
            if let source = templateSource(path: path, bytes: bytes, folderName: layout.templatesName) {
                snapshot.templates.append(source)
            } else if let words = wordsFile(path: path, bytes: bytes, folderName: layout.templatesName, problems: &problems) {
                snapshot.themeWords.append(words)
            }
        }
        // Content's own files win over the theme's at the same path.
        let contentPaths = Set(snapshot.assets.map(\.path))
        snapshot.assets += themeAssets.filter { !contentPaths.contains($0.path) }
        snapshot.assets.sort { $0.path < $1.path }
        try problems.throwIfAny()
        return snapshot
    }

    /// An article's bytes, read when it is parsed or rendered.
    static func read(_ article: ProjectSnapshot.ArticleFile) throws(Diagnostic) -> [UInt8] {
        do {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(article.size)
            try PlainFile.read(article.location) { bytes.append(contentsOf: $0) }
            return bytes
        } catch {
            throw Diagnostic(at: SourceLocation(path: article.displayPath), SiteIssue.unreadable(BuildStateStore.reason(error)))
        }
    }

    /// A file's times come from the kernel's coarse clock, which ticks every few milliseconds: a
    /// file changed this close to its listing could change again, unseen, within the same tick.
    static let settleNanoseconds = 100_000_000

    /// The record of a file listed at `time` (nanoseconds). A file changed within `settleNanoseconds`
    /// of it gets no stamp, which no `stat` matches, so the next build reads it again.
    static func record(
        size: Int, stamp: FileStamp, hash: String, article: BuildState.ArticleRecord?, listedAt time: Int
    ) -> BuildState.InputRecord {
        let modified = stamp.modified * 1_000_000_000 + stamp.modifiedNanoseconds
        let changed = stamp.changed * 1_000_000_000 + stamp.changedNanoseconds
        let settled = stamp != .unsettled && max(modified, changed) < time - settleNanoseconds
        return BuildState.InputRecord(size: size, stamp: settled ? stamp : .unsettled, hash: hash, article: article)
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

    /// `i18n/LANG.yml`: the theme's words in one language.
    private static func wordsFile(path: String, bytes: [UInt8], folderName: String, problems: inout DiagnosticCollector) -> ThemeWords.File?
    {
        guard let language = ThemeWords.language(ofPath: path) else { return nil }
        let displayPath = "\(folderName)/\(path)"
        if let bad = UTF8Validation.firstInvalid(in: bytes) {
            problems.add(Diagnostic(at: SourceLocation(path: displayPath, line: bad.line, column: bad.column), TemplateIssue.invalidUTF8))
            return nil
        }
        return ThemeWords.File(language: language, text: String(decoding: bytes, as: UTF8.self), displayPath: displayPath)
    }

    private static func asset(
        _ root: URL, _ entry: FileTree.Entry, named rootName: String, known: BuildState.InputRecord?, problems: inout DiagnosticCollector
    ) -> ProjectSnapshot.Asset? {
        let url = root.appendingPathComponent(entry.path)
        let displayPath = "\(rootName)/\(entry.path)"
        do {
            let hash = try known.flatMap { $0.hash.isEmpty ? nil : $0.hash } ?? ContentHash.ofFile(url.path)
            return ProjectSnapshot.Asset(
                path: entry.path, url: url, hash: hash, displayPath: displayPath, size: entry.size, stamp: entry.stamp)
        } catch {
            problems.add(Diagnostic(at: SourceLocation(path: displayPath), SiteIssue.unreadable(error.localizedDescription)))
            return nil
        }
    }

    /// A file's bytes, read with plain POSIX calls (a `URL` and `Data` per file cost more than reading a small one).
    private static func readBytes(
        _ root: String, _ entry: FileTree.Entry, named rootName: String, problems: inout DiagnosticCollector
    ) -> [UInt8]? {
        do {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(entry.size)
            try PlainFile.read(root + "/" + entry.path) { bytes.append(contentsOf: $0) }
            return bytes
        } catch {
            problems.add(
                Diagnostic(at: SourceLocation(path: "\(rootName)/\(entry.path)"), SiteIssue.unreadable(BuildStateStore.reason(error))))
            return nil
        }
    }
}
