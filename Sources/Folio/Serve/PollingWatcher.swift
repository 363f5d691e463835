import Foundation

/// The fallback when inotify is unavailable: compares modification times and sizes of every file a few times a second.
///
/// `nextBatch()` is meant for one thread at a time; `stop()` may come from any thread.
public final class PollingWatcher: ChangeWatching, @unchecked Sendable {
    private struct Stamp: Equatable {
        var modified: Date?
        var size: Int?
        var isFolder: Bool
    }

    private let folders: [WatchedFolder]
    private let quietPeriod: Duration
    private let interval: Duration
    private let stopSignal: StopSignal?
    private var known: [String: Stamp]

    public init(_ folders: [WatchedFolder], quietPeriod: Duration = .milliseconds(100), interval: Duration = .milliseconds(250)) {
        self.folders = folders
        self.quietPeriod = quietPeriod
        self.interval = interval
        self.stopSignal = try? StopSignal()
        self.known = [:]
        known = snapshot()
    }

    public func stop() {
        stopSignal?.stop()
    }

    public func nextBatch() -> ChangeBatch? {
        var batch = ChangeBatch()
        var lastChange = ContinuousClock.now
        while !sleep(batch.isEmpty ? interval : min(interval, quietPeriod)) {
            let current = snapshot()
            let changed = Set(current.keys).union(known.keys).filter { current[$0] != known[$0] }
            known = current
            if !changed.isEmpty {
                batch.paths.formUnion(changed)
                lastChange = .now
            } else if !batch.isEmpty, ContinuousClock.now - lastChange >= quietPeriod {
                return batch
            }
        }
        return nil
    }

    /// True when stopped.
    private func sleep(_ duration: Duration) -> Bool {
        guard let stopSignal else {
            Thread.sleep(forTimeInterval: Double(duration.milliseconds) / 1000)
            return false
        }
        return stopSignal.sleep(duration)
    }

    private func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let manager = FileManager.default
        for folder in folders {
            var stack = [(name: folder.name, path: folder.url.path)]
            while let current = stack.popLast() {
                for child in (try? manager.contentsOfDirectory(atPath: current.path)) ?? [] where !ChangeWatcher.isIgnored(child) {
                    let entry = (name: current.name + "/" + child, path: current.path + "/" + child)
                    let attributes = try? manager.attributesOfItem(atPath: entry.path)
                    let isFolder = attributes?[.type] as? FileAttributeType == .typeDirectory
                    stamps[entry.name] = Stamp(
                        modified: attributes?[.modificationDate] as? Date, size: (attributes?[.size] as? NSNumber)?.intValue,
                        isFolder: isFolder)
                    if isFolder { stack.append(entry) }
                }
            }
        }
        return stamps
    }
}
