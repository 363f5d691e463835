import Folio
import FolioCore
import Foundation

/// How one build went.
public enum BuildOutcome: Sendable {
    /// `outputReplaced` is false for a build that found nothing to change and wrote nothing.
    case built(BuildSummary, elapsed: Duration, outputReplaced: Bool)
    /// The inputs have errors; the previous output was left as it was.
    case failed(Diagnostics, elapsed: Duration)
}

/// Build, then rebuild after every batch of changes to Content/ and Templates/, until stopped.
/// An input error is reported and the loop goes on: the next change rebuilds.
public final class WatchSession: Sendable {
    public typealias Builder = Build.Runner

    public let layout: ProjectLayout
    public let options: BuildOptions
    private let watcher: any ChangeWatching
    private let builder: Builder

    public init(
        _ layout: ProjectLayout, options: BuildOptions, watcher: (any ChangeWatching)? = nil,
        builder: @escaping Builder = { layout, options throws(Diagnostics) in try Build.run(layout, options: options) }
    ) {
        self.layout = layout
        self.options = options
        self.watcher = watcher ?? ChangeWatcher.make(Self.watchedFolders(layout))
        self.builder = builder
    }

    /// The folders a build reads.
    public static func watchedFolders(_ layout: ProjectLayout) -> [WatchedFolder] {
        [WatchedFolder(name: layout.contentName, url: layout.content), WatchedFolder(name: layout.templatesName, url: layout.templates)]
    }

    /// Builds once.
    public func build() -> BuildOutcome {
        let started = ContinuousClock.now
        let before = buildMarker()
        do throws(Diagnostics) {
            let summary = try builder(layout, options)
            return .built(summary, elapsed: .now - started, outputReplaced: buildMarker() != before)
        } catch {
            return .failed(error, elapsed: .now - started)
        }
    }

    /// Blocks: waits for a batch of changes, rebuilds, hands the outcome over, and again, until `stop()`.
    public func run(_ report: (ChangeBatch, BuildOutcome) -> Void) {
        while let batch = watcher.nextBatch() {
            report(batch, build())
        }
    }

    /// Ends `run` once the build under way, if any, is finished.
    public func stop() {
        watcher.stop()
    }

    /// The output's build marker names the build that wrote it, so a changed marker means the output was replaced.
    private func buildMarker() -> Data? {
        try? Data(contentsOf: layout.output.appendingPathComponent(OutputWriter.markerName))
    }
}
