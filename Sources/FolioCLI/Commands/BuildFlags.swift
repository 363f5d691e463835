import ArgumentParser
import Folio
import FolioContent
import FolioCore
import Foundation

/// The flags of `folio build`, shared by `folio` and by `folio-serve`, which runs `--watch`.
public struct BuildFlags: ParsableArguments {
    /// `build`'s name and help, the same in both executables.
    public static let command = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site once into the output folder.",
        discussion: "A failed build lists every error as path:line:column and leaves the previous output as it was."
    )

    @OptionGroup public var project: ProjectOptions

    @Flag(help: "Print nothing on success but warnings (on standard error).")
    public var quiet = false

    @Option(name: .customLong("base-url"), help: "The site's public address; enables sitemap.xml, feed.xml and canonical links.")
    public var baseURL: String?

    @Flag(help: "After building, rebuild whenever Content/ or Templates/ change, until interrupted (Ctrl-C).")
    public var watch = false

    @Flag(help: "Also write the whole report as one PDF per language (report.pdf), with WeasyPrint; as `pdf: true` in site.yml.")
    public var pdf = false

    public init() {}

    public func validate() throws {
        if let baseURL, !SiteConfig.isValidBaseURL(baseURL) {
            throw ValidationError(
                "--base-url '\(baseURL)' is not an absolute http(s) address; expected one like https://example.org/reports")
        }
    }

    /// The build options the flags and the environment give.
    public var options: BuildOptions {
        var options = project.buildOptions(baseURL: baseURL)
        options.pdf = pdf
        return options
    }

    /// One build: its change report and summary line, or its errors and exit status 1.
    public func buildOnce() throws {
        let started = ContinuousClock.now
        let layout = project.layout
        var options = options
        options.exitsAfterBuild = true
        do {
            let summary = try SlowBuildNotice.wrapping(Build.run)(layout, options)
            printWarnings(summary)
            if !quiet {
                for line in summary.changes { print(line) }
                print(SummaryLine.text(summary, output: layout.outputName, elapsed: ContinuousClock.now - started))
            }
        } catch {
            printErrors(error)
            throw ExitCode(1)
        }
    }
}

/// Prints every diagnostic of a failed build to standard error, then a count.
public func printErrors(_ diagnostics: Diagnostics) {
    var text = diagnostics.all.map(\.description).joined(separator: "\n")
    let count = diagnostics.all.count
    text += "\nfolio: \(count) error\(count == 1 ? "" : "s"); nothing was written\n"
    FileHandle.standardError.write(Data(text.utf8))
}

/// Prints the warnings of a build that succeeded to standard error, even with `--quiet`.
public func printWarnings(_ summary: BuildSummary) {
    guard !summary.warnings.isEmpty else { return }
    FileHandle.standardError.write(Data(summary.warnings.map { "folio: warning: \($0)\n" }.joined().utf8))
}

/// The one line printed after a build.
public enum SummaryLine {
    public static func text(_ summary: BuildSummary, output: String, elapsed: Duration) -> String {
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let reused = summary.pages - summary.rendered.count
        let note = reused > 0 ? " (\(summary.rendered.count) rendered, \(reused) unchanged)" : ""
        let claims = summary.claims > 0 ? ", \(plural(summary.claims, "claim")) held" : ""
        let made =
            "\(plural(summary.pages, "page"))\(note), \(plural(summary.charts, "chart")), \(plural(summary.tables, "table"))\(claims)"
        return "Built \(made) in \(milliseconds) ms → \(output)/"
    }
}
