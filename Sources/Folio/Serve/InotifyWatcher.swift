import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Watches folders recursively with Linux inotify: one watch per folder, new sub-folders are watched (and their
/// contents reported) as they appear, and a save by rename shows up as `IN_MOVED_TO`.
///
/// `nextBatch()` is meant for one thread at a time; `stop()` may come from any thread.
public final class InotifyWatcher: ChangeWatching, @unchecked Sendable {
    private static let mask = UInt32(
        IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)

    private let descriptor: Int32
    private let quietPeriod: Duration
    private let stopSignal: StopSignal
    /// Watch descriptor → the folder's name in batches (`Content/data`), and its absolute path.
    private var folders: [Int32: (name: String, path: String)] = [:]
    private let roots: [WatchedFolder]
    private var pending = ChangeBatch()
    private var maximumDelay: Duration { max(quietPeriod * 10, .seconds(2)) }

    public init(_ roots: [WatchedFolder], quietPeriod: Duration = .milliseconds(100)) throws(WatchError) {
        #if os(Linux)
            let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        #else
            let descriptor: Int32 = -1
            errno = ENOSYS
        #endif
        guard descriptor >= 0 else { throw WatchError.system("inotify_init1", errno) }
        self.descriptor = descriptor
        self.quietPeriod = quietPeriod
        self.roots = roots
        do {
            stopSignal = try StopSignal()
        } catch {
            close(descriptor)
            throw error
        }
        for root in roots { _ = addTree(name: root.name, path: root.url.path) }
    }

    deinit {
        close(descriptor)
    }

    public func stop() {
        stopSignal.stop()
    }

    public func nextBatch() -> ChangeBatch? {
        var deadline: ContinuousClock.Instant?
        // Files that never stop changing (a log written into Content/) still get a rebuild now and then.
        var latest: ContinuousClock.Instant?
        if !pending.isEmpty { (deadline, latest) = (.now + quietPeriod, .now + maximumDelay) }
        while !stopSignal.isStopped {
            var timeout: Int32 = -1
            if let deadline {
                let left = deadline - .now
                if left <= .zero { return takePending() }
                timeout = Int32(clamping: left.milliseconds + 1)
            }
            var entries = [
                pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: stopSignal.readEnd, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&entries, 2, timeout)
            if ready < 0, errno != EINTR { return nil }
            if entries[1].revents != 0 { return nil }
            if entries[0].revents != 0, readEvents() {
                let first = latest ?? .now + maximumDelay
                latest = first
                deadline = min(.now + quietPeriod, first)
            }
        }
        return nil
    }

    private func takePending() -> ChangeBatch {
        defer { pending = ChangeBatch() }
        return pending
    }

    /// Reads every queued event; true when any of them is a change worth a rebuild.
    private func readEvents() -> Bool {
        let size = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: size)
        var changed = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, size) }
            if count <= 0 { break }
            var offset = 0
            while offset + 16 <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    (
                        raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                        raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                        Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    )
                }
                let nameBytes = buffer[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                offset += 16 + length
                if handle(watch: watch, mask: mask, name: String(decoding: nameBytes, as: UTF8.self)) { changed = true }
            }
        }
        return changed
    }

    private func handle(watch: Int32, mask: UInt32, name: String) -> Bool {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            pending.overflowed = true
            for root in roots { _ = addTree(name: root.name, path: root.url.path) }
            return true
        }
        guard let folder = folders[watch] else { return false }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[watch] = nil
            return false
        }
        if name.isEmpty {
            // The watched folder itself was deleted or moved; its parent reports that, except for a root.
            guard mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0, roots.contains(where: { $0.name == folder.name }) else { return false }
            pending.paths.insert(folder.name)
            return true
        }
        guard !ChangeWatcher.isIgnored(name) else { return false }
        let entry = (name: folder.name + "/" + name, path: folder.path + "/" + name)
        pending.paths.insert(entry.name)
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                pending.paths.formUnion(addTree(name: entry.name, path: entry.path))
            } else if mask & UInt32(IN_MOVED_FROM) != 0 {
                forgetTree(path: entry.path)
            }
        }
        return true
    }

    /// Watches `path` and every folder under it; returns the entries found, which may predate their folder's watch.
    private func addTree(name: String, path: String) -> [String] {
        var found: [String] = []
        var stack = [(name: name, path: path)]
        while let folder = stack.popLast() {
            let watch = inotify_add_watch(descriptor, folder.path, Self.mask | UInt32(IN_ONLYDIR))
            guard watch >= 0 else { continue }
            folders[watch] = folder
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for child in names.sorted() where !ChangeWatcher.isIgnored(child) {
                let entry = (name: folder.name + "/" + child, path: folder.path + "/" + child)
                found.append(entry.name)
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: entry.path, isDirectory: &isFolder), isFolder.boolValue {
                    stack.append(entry)
                }
            }
        }
        return found
    }

    /// Drops the watches of a folder moved away; if it moved within the tree, `IN_MOVED_TO` watches it again.
    private func forgetTree(path: String) {
        for (watch, folder) in folders where folder.path == path || folder.path.hasPrefix(path + "/") {
            inotify_rm_watch(descriptor, watch)
            folders[watch] = nil
        }
    }
}
