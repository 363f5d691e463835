import ArgumentParser
import Folio
import FolioCore
import FolioServe
import Foundation

/// `folio serve`.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, watch and serve the site with live reload.",
        discussion: """
            Serves the output folder on 127.0.0.1 and rebuilds when Content/ or Templates/ change; open pages \
            reload after each rebuild. Input errors are printed and the previous site stays up. Ctrl-C stops.
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: UInt16 = 8000

    @Option(help: "The address to listen on (default 127.0.0.1); naming one beyond loopback exposes the preview to the network.")
    var host: String?

    func run() throws {
        let address: ServeAddress
        do {
            address = try ServeAddress(host: host ?? ServeAddress.loopback, port: port, hostIsExplicit: host != nil)
        } catch {
            throw ValidationError(error.description)
        }
        let layout = project.layout
        let options = project.buildOptions()
        let session = WatchSession(layout, options: options, builder: SlowBuildNotice.wrapping(Build.run))
        let interrupt = InterruptHandler { session.stop() }
        WatchPrinter.print(session.build(), output: layout.outputName, quiet: false)
        let server: PreviewServer
        let url: String
        do {
            server = try PreviewServer(output: layout.output, address: address)
            url = try server.startAndWait()
        } catch {
            FileHandle.standardError.write(Data("folio: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if !address.isLoopback {
            FileHandle.standardError.write(Data("folio: warning: the preview is reachable from other machines at \(url)\n".utf8))
        }
        print("Serving \(layout.outputName)/ at \(url) (Ctrl-C to stop)")
        fflush(nil)
        session.run { _, outcome in
            WatchPrinter.print(outcome, output: layout.outputName, quiet: false)
            server.siteRebuilt(outcome)
        }
        interrupt.cancel()
    }
}

/// Prints each build of a watching command: the change report and summary line, or the errors.
enum WatchPrinter {
    static func print(_ outcome: BuildOutcome, output: String, quiet: Bool) {
        switch outcome {
        case .built(let summary, let elapsed, _):
            printWarnings(summary)
            guard !quiet else { return }
            for line in summary.changes { Swift.print(line) }
            Swift.print(SummaryLine.text(summary, output: output, elapsed: elapsed))
        case .failed(let diagnostics, _):
            printErrors(diagnostics)
        }
        fflush(nil)
    }
}

/// Turns Ctrl-C (and SIGTERM) into a clean stop: the build under way finishes, then the command exits 0.
/// A second Ctrl-C exits at once.
final class InterruptHandler {
    private let sources: [any DispatchSourceSignal]

    init(_ stop: @escaping @Sendable () -> Void) {
        let interrupted = Outcome()
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if interrupted.mark() { exit(0) }
                stop()
            }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }

    /// Whether an interrupt came before.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var seen = false

        /// Records an interrupt; true when it is the second.
        func mark() -> Bool {
            lock.withLock {
                defer { seen = true }
                return seen
            }
        }
    }
}

/// On a terminal, a build that takes over a second shows how long it has been running, on standard error.
final class SlowBuildNotice: @unchecked Sendable {
    private let lock = NSLock()
    private let started = ContinuousClock.now
    private var timer: (any DispatchSourceTimer)?
    private var shown = false
    private var finished = false

    /// Wraps a builder so each of its builds gets the notice.
    static func wrapping(_ builder: @escaping WatchSession.Builder) -> WatchSession.Builder {
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
