import CFolioSystem
import FolioCore
import Foundation

/// Writes a built site so that readers of the output folder only ever see a whole build:
/// everything goes to a staging folder beside it, which is swapped in with one atomic rename.
/// A failed or killed build leaves the previous output exactly as it was.
public struct OutputWriter {
    /// Marks a folder as folio's, so folio never deletes a folder someone else filled.
    public static let markerName = ".folio-build"

    /// The marker's text names the build it belongs to, so a stale state file is never trusted.
    static func markerText(buildID: String) -> String {
        "This folder is built by folio; it is replaced on every build.\nbuild: \(buildID)\n"
    }

    public let output: URL
    /// How the output is named in errors: `Output`.
    public let displayName: String
    public var faultPlan: FaultPlan?
    private var steps = 0

    public init(output: URL, displayName: String, faultPlan: FaultPlan? = nil) {
        self.output = output.standardizedFileURL
        self.displayName = displayName
        self.faultPlan = faultPlan
    }

    var parent: URL { output.deletingLastPathComponent() }
    var staging: URL { parent.appendingPathComponent(".\(output.lastPathComponent).folio-staging") }
    var lockFile: URL { parent.appendingPathComponent(".\(output.lastPathComponent).folio-lock") }

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
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        if !entries.isEmpty, !entries.contains(Self.markerName) { throw Diagnostic(at: at, SiteIssue.outputNotOurs) }
    }

    /// Writes `files` as the whole new site and swaps it in, unless it is exactly the site already
    /// there (`previous`), in which case nothing is written. Files unchanged since `previous` are
    /// hard-linked from the current output rather than written. Holds a lock so two builds never mix.
    /// Returns whether the output was replaced.
    @discardableResult
    public mutating func commit(_ files: [OutputFile], buildID: String, previous: BuildState?) throws(Diagnostic) -> Bool {
        let lock = try acquireLock()
        defer { releaseLock(lock) }
        if let previous, previous.buildID == buildID, previous.outputs.count == files.count {
            return false
        }
        do {
            try removeLeftovers()
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            var folders = Set<String>()
            for file in files.sorted(by: { $0.path < $1.path }) {
                let target = staging.appendingPathComponent(file.path)
                let folder = target.deletingLastPathComponent().path
                if folders.insert(folder).inserted {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                let unchanged = file.reusedHash != nil || previous?.outputs[file.path] == file.hash
                let current = output.appendingPathComponent(file.path)
                if !(unchanged && link(current.path, target.path) == 0) {
                    guard file.reusedHash == nil else {
                        throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: current.path])
                    }
                    if let source = file.copiedFrom {
                        try PlainFile.copy(from: source.path, to: target.path)
                    } else {
                        try PlainFile.write(file.bytes, to: target.path)
                    }
                }
                try step()
            }
            try PlainFile.write(Array(Self.markerText(buildID: buildID).utf8), to: staging.appendingPathComponent(Self.markerName).path)
            try keepForeignDotEntries()
            try swapIn()
            try step()
            try removeLeftovers()
            return true
        } catch let error as InjectedFault {
            // A failed build (a full disk, say) leaves nothing behind: the staging folder goes too.
            try? removeLeftovers()
            throw Diagnostic(at: SourceLocation(path: displayName), SiteIssue.writeFailed(error.description))
        } catch {
            try? removeLeftovers()
            throw Diagnostic(at: SourceLocation(path: displayName), SiteIssue.writeFailed(error.localizedDescription))
        }
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

    /// Top-level dot-entries of the old output that folio did not write (a deployment `.git`)
    /// are hard-linked into the new one, so the old output is untouched until the swap.
    private mutating func keepForeignDotEntries() throws {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        for name in entries.sorted() where name.hasPrefix(".") && name != Self.markerName {
            try HardLinkCopy.copy(from: output.appendingPathComponent(name), to: staging.appendingPathComponent(name))
            try step()
        }
    }

    private func swapIn() throws {
        if FileManager.default.fileExists(atPath: output.path) {
            guard folio_exchange_paths(staging.path, output.path) == 0 else {
                throw CocoaError(
                    .fileWriteUnknown,
                    userInfo: [NSLocalizedDescriptionKey: "cannot swap in the new site: \(String(cString: strerror(errno)))"])
            }
        } else {
            try FileManager.default.moveItem(at: staging, to: output)
        }
    }

    /// Removes a staging folder left by an earlier build that failed or was killed.
    private func removeLeftovers() throws {
        if FileManager.default.fileExists(atPath: staging.path) { try FileManager.default.removeItem(at: staging) }
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
