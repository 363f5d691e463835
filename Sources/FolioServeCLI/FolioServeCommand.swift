import ArgumentParser
import FolioCommands

/// `folio-serve`: the commands of `folio` that keep running and serve or watch. `folio` hands
/// `serve` and `build --watch` to it with the same arguments, so it answers under folio's name.
@main
struct FolioServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "folio's preview server: `folio serve` and `folio build --watch` run here.",
        subcommands: [ServeCommand.self, WatchingBuildCommand.self],
        // `folio --watch` (build is folio's default) arrives without the word `build`.
        defaultSubcommand: WatchingBuildCommand.self
    )
}
