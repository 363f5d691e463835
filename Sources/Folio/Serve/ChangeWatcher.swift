import Foundation

/// The paths that changed since the last batch, reported once the watched folders have been quiet for a while.
public struct ChangeBatch: Sendable, Equatable {
    /// Changed files and folders as `Content/data/sales.csv`: the watched folder's name, then the path inside it.
    public var paths: Set<String>
    /// The kernel dropped events; anything may have changed.
    public var overflowed: Bool

    public init(paths: Set<String> = [], overflowed: Bool = false) {
        self.paths = paths
        self.overflowed = overflowed
    }

    var isEmpty: Bool { paths.isEmpty && !overflowed }
}

/// A folder to watch recursively, and how its paths are named in a `ChangeBatch`.
public struct WatchedFolder: Sendable, Equatable {
    public var name: String
    public var url: URL

    public init(name: String, url: URL) {
        self.name = name
        self.url = url
    }
}

/// Reports changes under some folders in debounced batches.
public protocol ChangeWatching: AnyObject, Sendable {
    /// Blocks until something changed and the folders were then quiet for the debounce interval; nil once stopped.
    func nextBatch() -> ChangeBatch?
    /// Makes the current and every later `nextBatch()` return nil; callable from any thread.
    func stop()
}

/// Picks the watcher: inotify where the kernel has it, polling modification times otherwise.
public enum ChangeWatcher {
    /// Dot-entries are skipped, as the build skips them, so editor swap files and folio's own lock do not trigger rebuilds.
    public static func make(_ folders: [WatchedFolder], quietPeriod: Duration = .milliseconds(100)) -> any ChangeWatching {
        if let watcher = try? InotifyWatcher(folders, quietPeriod: quietPeriod) { return watcher }
        return PollingWatcher(folders, quietPeriod: quietPeriod)
    }

    static func isIgnored(_ name: some StringProtocol) -> Bool {
        name.hasPrefix(".")
    }
}

/// A wake-up pipe and a stop flag shared by the watchers.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    /// Read end polled with the watched descriptors; written once on stop.
    let readEnd: Int32
    private let writeEnd: Int32

    init() throws(WatchError) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw WatchError.system("pipe", errno) }
        readEnd = ends[0]
        writeEnd = ends[1]
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    var isStopped: Bool { lock.withLock { stopped } }

    func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        if first {
            var byte: UInt8 = 1
            _ = write(writeEnd, &byte, 1)
        }
    }

    /// Sleeps up to `duration`, returning early (and true) when stopped.
    func sleep(_ duration: Duration) -> Bool {
        var entry = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
        _ = poll(&entry, 1, Int32(duration.milliseconds))
        return isStopped
    }
}

/// Why a watcher could not start.
public enum WatchError: Error, Equatable, CustomStringConvertible {
    case system(String, Int32)

    public var description: String {
        switch self {
        case .system(let call, let code): "cannot watch for changes: \(call): \(String(cString: strerror(code)))"
        }
    }
}

extension Duration {
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
