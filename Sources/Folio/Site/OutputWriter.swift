import CFolioSystem
import FolioCore
import Foundation

/// Writes a built site so that readers of the output folder only ever see a whole build: the new
/// site is made in a folder beside the output and swapped in with one atomic exchange. A failed or
/// killed build leaves the previous output exactly as it was.
///
/// The folder swapped out is kept (`.Output.folio-previous`) and is where the next build makes its
/// site: it already holds the site of two builds ago, so a build writes, links or removes only the
/// files that differ from it, not every file of the site (hard-linking 100,000 unchanged files and
/// removing the old tree took 2.8 s here).
public struct OutputWriter {
    /// Marks a folder as folio's, so folio never deletes a folder someone else filled.
    public static let markerName = ".folio-build"

    /// The marker's text names the build it belongs to, so a stale state file is never trusted.
    static func markerText(buildID: String) -> String {
        "This folder is built by folio; it is replaced on every build.\nbuild: \(buildID)\n"
    }

    /// What a commit did: whether the output was replaced, and the spare tree it left for the next build.
    public struct Commit {
        public var replaced: Bool
        public var spare: BuildState.SpareTree?
    }

    public let output: URL
    /// How the output is named in errors: `Output`.
    public let displayName: String
    public var faultPlan: FaultPlan?
    private var steps = 0
    private var lock: Int32?

    public init(output: URL, displayName: String, faultPlan: FaultPlan? = nil) {
        self.output = output.standardizedFileURL
        self.displayName = displayName
        self.faultPlan = faultPlan
    }

    var parent: URL { output.deletingLastPathComponent() }
    /// The previous output, which the next site is made in.
    var spare: URL { parent.appendingPathComponent(".\(output.lastPathComponent).folio-previous") }
    /// Pages written as they are rendered, moved into the spare tree by the commit.
    var fresh: URL { parent.appendingPathComponent(".\(output.lastPathComponent).folio-new") }
    var lockFile: URL { parent.appendingPathComponent(".\(output.lastPathComponent).folio-lock") }

    /// On the first build of a large site, the next build's spare tree, linked page by page as pages are written.
    var twin: URL { parent.appendingPathComponent(".\(output.lastPathComponent).folio-twin") }

    /// From this many input files on, a first build links its pages into the twin as it writes them.
    /// Below it the build after links the spare tree from the output on a second core (`SpareMaker`),
    /// which at ~17 µs a link takes no longer than that build's own work; above it the first edit
    /// would wait for it (100,000 links took 3.8 s against a 0.9 s edit).
    public static let twinnedFiles = 20_000

    /// Whether this build, when it is a first one, links its pages into the twin.
    public var twinsPages = false

    /// Where the build's pages go as they are rendered; with `twinsPages`, on a first build each
    /// page is linked into the twin too.
    public var sink: FreshFolder {
        let first = !FileManager.default.fileExists(atPath: output.path) && !FileManager.default.fileExists(atPath: spare.path)
        return FreshFolder(root: fresh.path, twin: twinsPages && first ? twin.path : nil, displayName: displayName)
    }

    /// Refuses an output folder that folio must not replace; `inputs` are the content and templates folders.
    public func checkSafeToReplace(inputs: [(name: String, url: URL)]) throws(Diagnostic) {
        let at = SourceLocation(path: displayName)
        let outputPath = output.resolvingSymlinksInPath().path
        for input in inputs {
            let inputPath = input.url.standardizedFileURL.resolvingSymlinksInPath().path
            if inputPath == outputPath { throw Diagnostic(at: at, SiteIssue.outputIsInput("is the \(input.name) folder")) }
            if inputPath.hasPrefix(outputPath.hasSuffix("/") ? outputPath : outputPath + "/") {
                throw Diagnostic(at: at, SiteIssue.outputIsInput("contains the \(input.name) folder"))
            }
            if outputPath.hasPrefix(inputPath + "/") {
                throw Diagnostic(at: at, SiteIssue.outputIsInput("is inside the \(input.name) folder"))
            }
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw Diagnostic(at: at, SiteIssue.outputNotFolder) }
        // The marker is looked up, not listed: an output of 100,000 pages has as many entries.
        if !FileManager.default.fileExists(atPath: output.appendingPathComponent(Self.markerName).path),
            !Self.isEmpty(output.path)
        {
            throw Diagnostic(at: at, SiteIssue.outputNotOurs)
        }
    }

    /// Starts a build: takes the lock, so two builds never mix, and empties the fresh folder.
    public mutating func begin() throws(Diagnostic) {
        lock = try acquireLock()
        do {
            try Self.remove(fresh)
            try Self.remove(twin)
        } catch {
            throw writeFailure(error)
        }
    }

    /// Ends a build, good or failed: the fresh folder goes and the lock is released.
    public mutating func end() {
        try? Self.remove(fresh)
        try? Self.remove(twin)
        if let lock { releaseLock(lock) }
        lock = nil
    }

    /// Makes `files` the whole new site and swaps it in, unless it is exactly the site already there
    /// (`previous`), in which case nothing is written. Runs between `begin` and `end`.
    public mutating func commit(_ files: [OutputFile], buildID: String, previous: BuildState?) throws(Diagnostic) -> Commit {
        var outputs: [String: String] = [:]
        for file in files { outputs[file.path] = file.hash }
        return try commit(outputs: outputs, made: Self.made(files), buildID: buildID, previous: previous)
    }

    /// The files of `files` this build made (all but those it reused), by path.
    static func made(_ files: [OutputFile]) -> [String: OutputFile] {
        var made: [String: OutputFile] = [:]
        made.reserveCapacity(files.count)
        for file in files {
            if case .reused = file.content { continue }
            made[file.path] = file
        }
        return made
    }

    /// The same, for a site given as every file's hash (`outputs`) and the files this build made
    /// (`made`); any other file is the output's own, unchanged.
    mutating func commit(
        outputs: [String: String], made: [String: OutputFile], buildID: String, previous: BuildState?
    ) throws(Diagnostic) -> Commit {
        if let previous, previous.buildID == buildID, previous.outputs.count == outputs.count {
            return Commit(replaced: false, spare: previous.spare)
        }
        do {
            var tree = try SpareContents(at: spare, record: previous?.spare, outputs: previous?.outputs)
            try tree.removeFiles { outputs[$0] == nil }
            let hadOutput = try fill(tree, paths: outputs.keys.sorted(), hashes: outputs, made: made, buildID: buildID, previous: previous)
            if hadOutput { return Commit(replaced: true, spare: Self.record(of: previous, becoming: outputs)) }
            // A first build with a twin makes it the spare tree; any other leaves none, and the next build
            // links one from the output on another core (`SpareMaker`).
            guard FileManager.default.fileExists(atPath: twin.path) else { return Commit(replaced: true, spare: nil) }
            return Commit(replaced: true, spare: try? spareFromTwin(outputs: outputs, made: made, buildID: buildID))
        } catch {
            throw writeFailure(error)
        }
    }

    /// The three trees' paths, worked out once per commit rather than once per file.
    private struct Places {
        var spare, fresh, output: String
    }

    /// The same, for a site given as the changes to `previous`'s files (`changes`: path → new hash,
    /// nil when removed) and the files this build made: only the changed files, and those in which
    /// the spare tree differs from the output, are touched.
    mutating func commit(
        changes: [String: String?], made: [String: OutputFile], buildID: String, previous: BuildState
    ) throws(Diagnostic) -> Commit {
        if previous.buildID == buildID { return Commit(replaced: false, spare: previous.spare) }
        var outputs = previous.outputs
        for (path, hash) in changes { outputs[path] = hash }
        guard let record = previous.spare, SpareContents.matches(at: spare, record: record) else {
            // A spare tree made anew needs every file.
            return try commit(outputs: outputs, made: made, buildID: buildID, previous: previous)
        }
        do {
            var tree = try SpareContents(at: spare, record: record, outputs: previous.outputs)
            let paths = Set(changes.keys).union(record.differences.keys)
            try tree.removeFiles(among: paths) { outputs[$0] == nil }
            _ = try fill(tree, paths: paths.sorted(), hashes: outputs, made: made, buildID: buildID, previous: previous)
            var differences: [String: String] = [:]
            for (path, hash) in changes where previous.outputs[path] != hash { differences[path] = previous.outputs[path] ?? "" }
            return Commit(replaced: true, spare: BuildState.SpareTree(buildID: previous.buildID, differences: differences))
        } catch {
            throw writeFailure(error)
        }
    }

    /// Puts the new site's files at `paths` (sorted; `hashes`: every file's hash) into the spare
    /// tree, brings the output's foreign dot-entries, marks the tree as `buildID` and swaps it in.
    /// Returns whether there was an output to swap with.
    private mutating func fill(
        _ tree: SpareContents, paths: [String], hashes: [String: String], made: [String: OutputFile], buildID: String,
        previous: BuildState?
    ) throws -> Bool {
        var folders = Set<String>()
        let places = Places(spare: spare.path, fresh: fresh.path, output: output.path)
        // An empty tree (a first or clean build) becomes the fresh folder itself: one rename, not one per page.
        let adopted = try tree.isEmpty && adoptFresh()
        for path in paths {
            guard let hash = hashes[path] else { continue }
            let file = made[path] ?? .reused(path: path, hash: hash)
            if adopted, case .written = file.content {
                try step()
                continue
            }
            try place(file, at: places, in: tree, previous: previous, folders: &folders)
            try step()
        }
        try keepForeignDotEntries()
        try PlainFile.write(Array(Self.markerText(buildID: buildID).utf8), to: spare.appendingPathComponent(Self.markerName).path)
        let hadOutput = FileManager.default.fileExists(atPath: output.path)
        try swapIn(hadOutput: hadOutput)
        try step()
        return hadOutput
    }

    /// Makes the fresh folder the (empty) spare tree; false when there is no fresh folder.
    private func adoptFresh() throws -> Bool {
        guard FileManager.default.fileExists(atPath: fresh.path) else { return false }
        guard rmdir(spare.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        try PlainFile.rename(fresh.path, to: spare.path)
        return true
    }

    /// The error of a write that failed (an injected fault says which step).
    private func writeFailure(_ error: any Error) -> Diagnostic {
        let reason = (error as? InjectedFault)?.description ?? error.localizedDescription
        return Diagnostic(at: SourceLocation(path: displayName), SiteIssue.writeFailed(reason))
    }

    /// Puts one file of the new site into the spare tree, unless it is there already.
    private func place(
        _ file: OutputFile, at places: Places, in tree: SpareContents, previous: BuildState?, folders: inout Set<String>
    )
        throws
    {
        let target = places.spare + "/" + file.path
        try PlainFile.makeFolder(containing: target, made: &folders)
        let current = places.output + "/" + file.path
        switch file.content {
        case .written:
            // Onto a free name: ext4 writes a file renamed over another to disk at once (auto_da_alloc).
            try PlainFile.removeIfPresent(target)
            try PlainFile.rename(places.fresh + "/" + file.path, to: target)
        case .reused(let hash):
            guard tree.hash(of: file.path) != hash else { return }
            try PlainFile.replace(target, byLinkTo: current)
        case .bytes(let bytes):
            let hash = ContentHash.of(bytes)
            guard tree.hash(of: file.path) != hash else { return }
            if previous?.outputs[file.path] == hash, (try? PlainFile.replace(target, byLinkTo: current)) != nil { return }
            try PlainFile.removeIfPresent(target)
            try PlainFile.write(bytes, to: target)
        case .copy(let source, let hash):
            guard tree.hash(of: file.path) != hash else { return }
            if previous?.outputs[file.path] == hash, (try? PlainFile.replace(target, byLinkTo: current)) != nil { return }
            try PlainFile.removeIfPresent(target)
            try PlainFile.copy(from: source.path, to: target)
        }
    }

    /// Makes the twin, which has the pages this build wrote, the spare tree, with links to the rest.
    private func spareFromTwin(outputs: [String: String], made: [String: OutputFile], buildID: String) throws -> BuildState.SpareTree {
        try Self.remove(spare)
        try PlainFile.rename(twin.path, to: spare.path)
        let rest = outputs.keys.filter { path in if case .written? = made[path]?.content { false } else { true } }
        return try Self.link(rest.sorted(), into: spare, from: output, buildID: buildID)
    }

    /// Makes `spare` a copy of `output`'s files at `paths` by hard links, marked as the build
    /// `buildID` (the output's): a spare tree that differs from the output in nothing.
    static func linkSpare(_ spare: URL, to output: URL, paths: some Sequence<String>, buildID: String) throws -> BuildState.SpareTree {
        try remove(spare)
        try FileManager.default.createDirectory(at: spare, withIntermediateDirectories: true)
        return try link(paths, into: spare, from: output, buildID: buildID)
    }

    /// Links `output`'s files at `paths` into `spare`, then writes its marker (last, so a tree
    /// left halfway is never trusted).
    private static func link(
        _ paths: some Sequence<String>, into spare: URL, from output: URL, buildID: String
    ) throws -> BuildState.SpareTree {
        var folders = Set([spare.path])
        for path in paths {
            let target = spare.path + "/" + path
            try PlainFile.makeFolder(containing: target, made: &folders)
            guard Glibc.link(output.path + "/" + path, target) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        try PlainFile.write(Array(markerText(buildID: buildID).utf8), to: spare.appendingPathComponent(markerName).path)
        return BuildState.SpareTree(buildID: buildID, differences: [:])
    }

    /// What the output being swapped out holds, as the next build's spare tree: its build id, and
    /// where it differs from the new site.
    private static func record(of previous: BuildState?, becoming outputs: [String: String]) -> BuildState.SpareTree? {
        guard let previous else { return nil }
        var differences: [String: String] = [:]
        for (path, hash) in outputs {
            let old = previous.outputs[path]
            if old != hash { differences[path] = old ?? "" }
        }
        for (path, hash) in previous.outputs where outputs[path] == nil { differences[path] = hash }
        return BuildState.SpareTree(buildID: previous.buildID, differences: differences)
    }

    /// Counts one write step and applies the fault plan.
    private mutating func step() throws {
        steps += 1
        guard let faultPlan, steps == faultPlan.afterSteps else { return }
        switch faultPlan.action {
        case .fail: throw InjectedFault(step: steps)
        case .kill: kill(getpid(), SIGKILL)
        }
    }

    /// Top-level dot-entries of the output that folio did not write (a deployment `.git`) are
    /// hard-linked into the new site, in place of those the spare tree had, so the output is
    /// untouched until the swap.
    private mutating func keepForeignDotEntries() throws {
        let manager = FileManager.default
        for name in Self.dotEntries(spare.path) where name != Self.markerName {
            try manager.removeItem(at: spare.appendingPathComponent(name))
        }
        for name in Self.dotEntries(output.path).sorted() where name != Self.markerName {
            try HardLinkCopy.copy(from: output.appendingPathComponent(name), to: spare.appendingPathComponent(name))
            try step()
        }
    }

    private func swapIn(hadOutput: Bool) throws {
        if hadOutput {
            guard folio_exchange_paths(spare.path, output.path) == 0 else {
                throw CocoaError(
                    .fileWriteUnknown,
                    userInfo: [NSLocalizedDescriptionKey: "cannot swap in the new site: \(String(cString: strerror(errno)))"])
            }
        } else {
            try FileManager.default.moveItem(at: spare, to: output)
        }
    }

    /// The names in a folder that start with a dot, without making strings of the others (an output
    /// of 100,000 pages has as many).
    static func dotEntries(_ folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        return FileTree.names(in: directory) { $0[0] == 0x2E }
    }

    /// Whether a folder has no entries (a folder that cannot be read counts as empty, as before).
    static func isEmpty(_ folder: String) -> Bool {
        guard let directory = opendir(folder) else { return true }
        defer { closedir(directory) }
        return FileTree.names(in: directory, limit: 1) { _ in true }.isEmpty
    }

    static func remove(_ folder: URL) throws {
        if FileManager.default.fileExists(atPath: folder.path) { try FileManager.default.removeItem(at: folder) }
    }

    private func acquireLock() throws(Diagnostic) -> Int32 {
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let descriptor = open(lockFile.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0, flock(descriptor, LOCK_EX) == 0 else {
            throw Diagnostic(
                at: SourceLocation(path: displayName),
                SiteIssue.writeFailed("cannot lock \(lockFile.path): \(String(cString: strerror(errno)))"))
        }
        return descriptor
    }

    private func releaseLock(_ descriptor: Int32) {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// What the spare tree holds, as the state recorded it; a tree whose marker does not match the
/// record (a build that failed while making it, a tree someone touched) is emptied and made anew.
struct SpareContents {
    private let root: URL
    private let differences: [String: String]
    private let outputs: [String: String]
    /// Whether the tree was made anew, empty.
    let isEmpty: Bool

    /// Whether the tree at `root` is the one `record` describes (its marker names that build).
    static func matches(at root: URL, record: BuildState.SpareTree) -> Bool {
        let marker = root.appendingPathComponent(OutputWriter.markerName)
        return FileManager.default.contents(atPath: marker.path).map { String(decoding: $0, as: UTF8.self) }
            == OutputWriter.markerText(buildID: record.buildID)
    }

    init(at root: URL, record: BuildState.SpareTree?, outputs: [String: String]?) throws {
        self.root = root
        let marker = root.appendingPathComponent(OutputWriter.markerName)
        if let record, let outputs, Self.matches(at: root, record: record) {
            differences = record.differences
            self.outputs = outputs
            isEmpty = false
        } else {
            try OutputWriter.remove(root)
            differences = [:]
            self.outputs = [:]
            isEmpty = true
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        // From here on the tree is half-made until the new marker is written.
        try PlainFile.removeIfPresent(marker.path)
    }

    /// The hash of the tree's file at `path`, nil when it has none.
    func hash(of path: String) -> String? {
        if let different = differences[path] { return different.isEmpty ? nil : different }
        return outputs[path]
    }

    /// Removes the tree's files that `unwanted` picks, and the folders that leaves empty.
    mutating func removeFiles(_ unwanted: (String) -> Bool) throws {
        var removed: [String] = []
        for path in outputs.keys where differences[path] == nil && unwanted(path) { removed.append(path) }
        for (path, hash) in differences where !hash.isEmpty && unwanted(path) { removed.append(path) }
        try remove(removed)
    }

    /// The same, looking only at `paths`.
    mutating func removeFiles(among paths: Set<String>, _ unwanted: (String) -> Bool) throws {
        try remove(paths.filter { hash(of: $0) != nil && unwanted($0) })
    }

    private func remove(_ removed: some Sequence<String>) throws {
        var folders = Set<String>()
        for path in removed {
            try PlainFile.removeIfPresent(root.path + "/" + path)
            var folder = path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                folders.insert(folder)
            }
        }
        // Deepest first, so a folder's emptied subfolders go before it; a folder still in use stays.
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(root.path + "/" + folder) }
    }
}

/// Copies a file tree by hard-linking its files (cheap, and leaves the source as it is).
enum HardLinkCopy {
    static func copy(from source: URL, to target: URL) throws {
        let manager = FileManager.default
        let attributes = try manager.attributesOfItem(atPath: source.path)
        switch attributes[.type] as? FileAttributeType {
        case .typeDirectory?:
            try manager.createDirectory(at: target, withIntermediateDirectories: true)
            for name in try manager.contentsOfDirectory(atPath: source.path).sorted() {
                try copy(from: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
            }
        case .typeSymbolicLink?:
            let destination = try manager.destinationOfSymbolicLink(atPath: source.path)
            try manager.createSymbolicLink(atPath: target.path, withDestinationPath: destination)
        default:
            if link(source.path, target.path) != 0 { try manager.copyItem(at: source, to: target) }
        }
    }
}

/// Writes a new file with plain POSIX calls: no temporary file and no `fsync` per file (Foundation's
/// `Data.write` does both). The staging folder is swapped in whole, so a half-written file is never seen.
enum PlainFile {
    /// The size of one read when copying or hashing a file.
    static let chunkSize = 1 << 20

    static func write(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw lastError() }
        defer { close(descriptor) }
        try write(bytes, toDescriptor: descriptor)
    }

    static func write(_ bytes: [UInt8], toDescriptor descriptor: Int32) throws {
        try bytes.withUnsafeBytes { try writeAll($0, to: descriptor) }
    }

    /// Copies a file a chunk at a time, so its size never matters to memory.
    static func copy(from source: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw lastError() }
        defer { close(descriptor) }
        try read(source) { try writeAll($0, to: descriptor) }
    }

    /// Hands a file's bytes to `body`, a chunk at a time.
    static func read(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw lastError() }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw lastError()
            }
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Makes the folder `path` goes in, unless `made` says this commit made it already.
    static func makeFolder(containing path: String, made: inout Set<String>) throws {
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
        if made.insert(folder).inserted { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
    }

    /// Moves a file over `target`, replacing the entry and never the inode another tree may share.
    static func rename(_ source: String, to target: String) throws {
        guard Glibc.rename(source, target) == 0 else { throw lastError() }
    }

    /// Puts at `target` a hard link to `source`, replacing what was there.
    static func replace(_ target: String, byLinkTo source: String) throws {
        try removeIfPresent(target)
        guard link(source, target) == 0 else { throw lastError() }
    }

    /// Removes a file's entry (not a file shared through another link); a missing file is fine.
    static func removeIfPresent(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else { throw lastError() }
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        var written = 0
        while written < bytes.count {
            let result = Glibc.write(descriptor, bytes.baseAddress.map { $0 + written }, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw lastError()
            }
            written += result
        }
    }

    private static func lastError() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
