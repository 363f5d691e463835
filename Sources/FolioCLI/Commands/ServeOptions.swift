import ArgumentParser

/// The flags of `folio serve`, shared by `folio` (which hands the command to `folio-serve`) and `folio-serve`.
public struct ServeOptions: ParsableArguments {
    /// `serve`'s name and help, the same in both executables.
    public static let command = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, watch and serve the site with live reload.",
        discussion: """
            Serves the output folder on 127.0.0.1 and rebuilds when Content/ or Templates/ change; open pages \
            reload after each rebuild. Input errors are printed and the previous site stays up. Ctrl-C stops.
            """
    )

    @OptionGroup public var project: ProjectOptions

    @Option(help: "The port to listen on; 0 picks a free one.")
    public var port: UInt16 = 8000

    @Option(help: "The address to listen on (default 127.0.0.1); naming one beyond loopback exposes the preview to the network.")
    public var host: String?

    public init() {}
}
