import ArgumentParser
import Folio
import Foundation

/// `folio new DIR`.
public struct NewCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new report project that builds as it is.",
        discussion:
            "Writes Content/ (site.yml, index.md, a small dataset) and Templates/ (the default theme). Refuses a folder that is not empty."
    )

    @Argument(help: "The folder for the new project.")
    var directory: String

    public init() {}

    public func run() throws {
        do {
            try Scaffold.create(at: URL(fileURLWithPath: directory))
            print("Created a folio project in \(directory)/. Build it with: cd \(directory) && folio build")
        } catch {
            FileHandle.standardError.write(Data("folio: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
