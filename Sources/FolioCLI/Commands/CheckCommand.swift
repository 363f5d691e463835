import ArgumentParser
import FolioCheck
import Foundation

/// `folio check`.
public struct CheckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a built site: internal links, #anchors, assets and chart downloads, without network.",
        discussion: "Prints one `page: broken link → target` line per problem, sorted, and exits 1 when there is any."
    )

    @Option(help: "The built site to check.")
    var output = "Output"

    public init() {}

    public func run() throws {
        let site: BuiltSite
        do {
            site = try BuiltSite.load(from: URL(fileURLWithPath: output))
        } catch {
            FileHandle.standardError.write(Data("folio: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let report = SiteCheck.run(site)
        guard report.passed else {
            print(report.problems.map(\.description).joined(separator: "\n"))
            let count = report.problems.count
            FileHandle.standardError.write(Data("folio: \(count) broken link\(count == 1 ? "" : "s") in \(output)/\n".utf8))
            throw ExitCode(1)
        }
        print(report.summary)
    }
}
