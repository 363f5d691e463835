import Foundation

/// The preview's open connections and when each must have made progress; a connection past its deadline, or every
/// connection once the server stops, has its task cancelled, which ends its wait on the socket and closes it.
final class ConnectionRegistry: @unchecked Sendable {
    private struct Entry {
        var task: Task<Void, Never>?
        var deadline: ContinuousClock.Instant?
    }

    private let lock = NSLock()
    private var entries: [Int: Entry] = [:]
    private var nextID = 0
    private var stopped = false

    /// Connections not yet closed.
    var count: Int { lock.withLock { entries.count } }

    /// Starts `serve` on its own task for a new connection, which it names by an id; false once stopped.
    func open(_ serve: @escaping @Sendable (Int) async -> Void) -> Bool {
        let id: Int? = lock.withLock {
            guard !stopped else { return nil }
            defer { nextID += 1 }
            entries[nextID] = Entry()
            return nextID
        }
        guard let id else { return false }
        let task = Task { await serve(id) }
        let cancelNow = lock.withLock {
            guard entries[id] != nil else { return false }
            entries[id]?.task = task
            return stopped || entries[id]?.deadline.map { $0 <= .now } == true
        }
        if cancelNow { task.cancel() }
        return true
    }

    /// The connection must make progress by `deadline`; nil while it is being answered.
    func setDeadline(_ deadline: ContinuousClock.Instant?, for id: Int) {
        lock.withLock { entries[id]?.deadline = deadline }
    }

    func close(_ id: Int) {
        lock.withLock { _ = entries.removeValue(forKey: id) }
    }

    /// Cancels the connections whose deadline has passed.
    func cancelOverdue(now: ContinuousClock.Instant = .now) {
        let overdue = lock.withLock {
            entries.values.filter { $0.deadline.map { $0 <= now } == true }.compactMap(\.task)
        }
        for task in overdue { task.cancel() }
    }

    /// Cancels every connection, and every one opened later.
    func stop() {
        let all = lock.withLock {
            stopped = true
            return entries.values.compactMap(\.task)
        }
        for task in all { task.cancel() }
    }
}
