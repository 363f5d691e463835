import Folio
import FolioCore
import Foundation

/// On a terminal, a build that takes over a second shows how long it has been running, on standard error.
public final class SlowBuildNotice: @unchecked Sendable {
    private let lock = NSLock()
    private let started = ContinuousClock.now
    private var timer: (any DispatchSourceTimer)?
    private var shown = false
    private var finished = false

    /// Wraps a builder so each of its builds gets the notice.
    public static func wrapping(_ builder: @escaping Build.Runner) -> Build.Runner {
        { layout, options throws(Diagnostics) in
            guard isatty(STDERR_FILENO) == 1 else { return try builder(layout, options) }
            let notice = SlowBuildNotice()
            notice.start()
            defer { notice.finish() }
            return try builder(layout, options)
        }
    }

    private func start() {
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: 0.25)
        timer.setEventHandler { [self] in tick() }
        lock.withLock { self.timer = timer }
        timer.resume()
    }

    private func tick() {
        lock.withLock {
            guard !finished else { return }
            let elapsed = (ContinuousClock.now - started).components
            let tenths = elapsed.seconds * 10 + elapsed.attoseconds / 100_000_000_000_000_000
            FileHandle.standardError.write(Data("\r\u{1B}[2KBuilding… \(tenths / 10).\(tenths % 10) s".utf8))
            shown = true
        }
    }

    private func finish() {
        lock.withLock {
            finished = true
            timer?.cancel()
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        }
    }
}
