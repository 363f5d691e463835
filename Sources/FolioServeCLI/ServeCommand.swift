import ArgumentParser
import Folio
import FolioCommands
import FolioCore
import FolioServe
import Foundation

/// `folio serve`: the preview server.
struct ServeCommand: ParsableCommand {
    static let configuration = ServeOptions.command

    @OptionGroup var options: ServeOptions

    func run() throws {
        let address: ServeAddress
        do {
            address = try ServeAddress(host: options.host ?? ServeAddress.loopback, port: options.port, hostIsExplicit: options.host != nil)
        } catch {
            throw ValidationError(error.description)
        }
        let layout = options.project.layout
        let session = WatchSession(layout, options: options.project.buildOptions(), builder: SlowBuildNotice.wrapping(Build.run))
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
