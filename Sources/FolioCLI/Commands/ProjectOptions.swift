import ArgumentParser
import Folio
import Foundation

/// The project folders and build settings shared by `build` and `serve`.
public struct ProjectOptions: ParsableArguments {
    @Option(help: "The content folder (site.yml, articles, data/, assets/).")
    public var content = "Content"

    @Option(help: "The templates folder (layouts/, partials/, assets/).")
    public var templates = "Templates"

    @Option(help: "The output folder; replaced as a whole on every successful build.")
    public var output = "Output"

    @Flag(help: "Include articles marked `draft: true`.")
    public var drafts = false

    public init() {}

    public var layout: ProjectLayout { ProjectLayout(content: content, templates: templates, output: output) }

    /// Build options from the flags and the environment (`FOLIO_JOBS`, `SOURCE_DATE_EPOCH`, the test-only `FOLIO_TEST_FAULT`).
    public func buildOptions(baseURL: String? = nil) -> BuildOptions {
        let environment = ProcessInfo.processInfo.environment
        return BuildOptions(
            drafts: drafts,
            baseURL: baseURL,
            jobs: environment["FOLIO_JOBS"].flatMap(Int.init),
            sourceDateEpoch: environment["SOURCE_DATE_EPOCH"].flatMap(Int.init),
            faultPlan: FaultPlan.fromEnvironment(environment))
    }
}
