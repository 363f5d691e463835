import ArgumentParser
import FolioCommands

/// `folio build`; with `--watch`, handed to `folio-serve`.
struct BuildCommand: ParsableCommand {
    static let configuration = BuildFlags.command

    @OptionGroup var flags: BuildFlags

    func run() throws {
        if flags.watch { try ServerHandoff.run() }
        try flags.buildOnce()
    }
}

/// `folio serve`, handed to `folio-serve` once its flags are valid.
struct ServeCommand: ParsableCommand {
    static let configuration = ServeOptions.command

    @OptionGroup var options: ServeOptions

    func run() throws { try ServerHandoff.run() }
}
