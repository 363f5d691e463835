import FolioCore
import Foundation
import Synchronization

/// `folio build`: read the project, build the site, and swap it into the output folder.
public enum Build {
    /// What builds a site: `run`, or a wrapper of it (a watcher's, a slow-build notice's).
    public typealias Runner = @Sendable (ProjectLayout, BuildOptions) throws(Diagnostics) -> BuildSummary

    public static func run(_ layout: ProjectLayout, options: BuildOptions = BuildOptions()) throws(Diagnostics) -> BuildSummary {
        var writer = OutputWriter(output: layout.output, displayName: layout.outputName, faultPlan: options.faultPlan)
        do {
            try writer.checkSafeToReplace(inputs: [("content", layout.content), ("templates", layout.templates)])
        } catch {
            throw Diagnostics([error])
        }
        let prefetch = StatePrefetch(output: writer.output)
        let listing = try ProjectReader.list(layout, options: options)
        if options.faultPlan == nil, let unchanged = BuildStateStore.unchangedSummary(for: writer.output, stamp: listing.stamp) {
            return unchanged  // no input was touched since the build now in the output
        }
        do throws(Diagnostic) {
            try writer.begin()
        } catch {
            throw Diagnostics([error])
        }
        defer { writer.end() }
        writer.twinsPages = listing.content.count + listing.templates.count >= options.twinnedFiles
        let stored = prefetch.take()
        if options.exitsAfterBuild { ExitKeeper.keep(stored) }
        // The build after a first one links its spare tree from the output meanwhile (a first build leaves none).
        let maker = stored.flatMap { SpareMaker.start(for: writer, previous: $0.state) }
        defer { _ = maker?.wait() }
        if let stored,
            let edits = try BodyEdits.build(layout: layout, listing: listing, options: options, previous: stored.state, sink: writer.sink)
        {
            return try finish(edits, base: stored, spare: maker, writer: &writer, layout: layout)
        }
        let previous = stored?.state
        let snapshot = try ProjectReader.read(layout, listing: listing, known: previous?.inputs ?? [:])
        var site = try SiteBuilder.build(snapshot, options: options, previous: previous, listing: listing, sink: writer.sink)
        site.state.inputStamp = listing.stamp
        defer { if options.exitsAfterBuild { ExitKeeper.keep((site, snapshot)) } }
        let commit: OutputWriter.Commit
        do {
            commit = try writer.commit(
                outputs: site.state.outputs, made: OutputWriter.made(site.files), buildID: site.state.buildID,
                previous: previous.map { $0.withSpare(from: maker) })
        } catch {
            throw Diagnostics([error])
        }
        site.state.spare = commit.spare
        var summary = site.summary
        summary.rendered = site.rendered
        summary.changes = site.changes
        if commit.replaced || previous != site.state {
            // The site is in place; without its state the next build is a full one, which the user should know.
            do {
                // A build that rendered most pages writes the state whole rather than a frame nearly as large.
                let appendTo = site.rendered.count * 8 <= site.state.pages.count ? stored : nil
                try BuildStateStore.save(site.state, summary: site.summary, previous: appendTo, for: writer.output)
            } catch {
                summary.warnings.append(saveWarning(error, layout: layout, writer: writer))
            }
        }
        return summary
    }

    /// Commits and saves a build after body edits.
    private static func finish(
        _ edits: BodyEdits.Outcome, base: StateCodec.Decoded, spare: SpareMaker?, writer: inout OutputWriter, layout: ProjectLayout
    ) throws(Diagnostics) -> BuildSummary {
        var change = edits.change
        let previous = base.state.withSpare(from: spare)
        do throws(Diagnostic) {
            let commit = try writer.commit(changes: change.outputs, made: edits.made, buildID: change.buildID, previous: previous)
            change.spare = commit.replaced ? commit.spare : previous.spare
        } catch {
            throw Diagnostics([error])
        }
        var summary = edits.summary
        do {
            try BuildStateStore.save(change, summary: summary, base: base, for: writer.output)
        } catch {
            summary.warnings.append(saveWarning(error, layout: layout, writer: writer))
        }
        return summary
    }

    private static func saveWarning(_ error: any Error, layout: ProjectLayout, writer: OutputWriter) -> String {
        let path = BuildStateStore.displayPath(forOutputNamed: layout.outputName, output: writer.output)
        return "could not save the build state at \(path): \(BuildStateStore.reason(error)); the next build renders every page again"
    }
}

/// What a one-shot build leaves alive for the process's exit, which returns all its memory at once.
enum ExitKeeper {
    private static let kept = Mutex<[any Sendable]>([])

    static func keep(_ value: some Sendable) { kept.withLock { $0.append(value) } }
}
