import ArgumentParser
import Folio
import FolioCommands
import FolioServe

/// `folio build --watch`: build, then rebuild on every change until interrupted.
struct WatchingBuildCommand: ParsableCommand {
    static let configuration = BuildFlags.command

    @OptionGroup var flags: BuildFlags

    func run() throws {
        guard flags.watch else { return try flags.buildOnce() }
        let layout = flags.project.layout
        let session = WatchSession(layout, options: flags.options, builder: SlowBuildNotice.wrapping(Build.run))
        let interrupt = InterruptHandler { session.stop() }
        WatchPrinter.print(session.build(), output: layout.outputName, quiet: flags.quiet)
        session.run { _, outcome in WatchPrinter.print(outcome, output: layout.outputName, quiet: flags.quiet) }
        interrupt.cancel()
    }
}
