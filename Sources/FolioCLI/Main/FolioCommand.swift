import ArgumentParser
import FolioCommands

/// The `folio` command: a thin layer over the Folio library.
@main
struct FolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Build a static report site from Markdown articles and data files.",
        discussion: """
            A project has Content/ (site.yml, index.md, articles, data/, assets/) and Templates/ \
            (layouts/, partials/, assets/). `folio build` writes the site to Output/; \
            `folio new DIR` starts a project that builds as it is.
            """,
        subcommands: [BuildCommand.self, NewCommand.self, CheckCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
