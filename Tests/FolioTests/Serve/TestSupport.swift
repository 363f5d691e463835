import FolioServe
import Foundation
import Testing

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("folio-serve-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ relative: String) -> URL {
        url.appendingPathComponent(relative)
    }

    func write(_ relative: String, _ text: String) throws {
        let file = path(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func read(_ relative: String) throws -> String {
        String(decoding: try Data(contentsOf: path(relative)), as: UTF8.self)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Waits, without blocking a thread, until `condition` holds or `timeout` passes; returns whether it held.
func eventually(timeout: Duration = .seconds(30), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}

/// Collects what a watcher or watch session reports from its own thread.
final class Recorder<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Element] = []

    var all: [Element] { lock.withLock { items } }

    func append(_ item: Element) {
        lock.withLock { items.append(item) }
    }
}

/// Runs `body` on a new thread with a main thread's stack: a debug build of the whole pipeline
/// needs more than Foundation gives other threads by default, and overflowing that
/// corrupts memory instead of stopping. `folio serve` and `build --watch` build on the main thread.
func startThread(_ body: @escaping @Sendable () -> Void) {
    let thread = Thread(block: body)
    thread.stackSize = 8 << 20
    thread.start()
}

/// Runs `watcher.nextBatch()` on its own thread, recording every batch, until the watcher stops.
func record(_ watcher: any ChangeWatching) -> Recorder<ChangeBatch> {
    let batches = Recorder<ChangeBatch>()
    startThread {
        while let batch = watcher.nextBatch() { batches.append(batch) }
    }
    return batches
}
