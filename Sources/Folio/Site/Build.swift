import FolioCore
import Foundation

/// `folio build`: read the project, build the site, and swap it into the output folder.
public enum Build {
    public static func run(_ layout: ProjectLayout, options: BuildOptions = BuildOptions()) throws(Diagnostics) -> BuildSummary {
        var writer = OutputWriter(output: layout.output, displayName: layout.outputName, faultPlan: options.faultPlan)
        do {
            try writer.checkSafeToReplace(inputs: [("content", layout.content), ("templates", layout.templates)])
        } catch {
            throw Diagnostics([error])
        }
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
        let stored = BuildStateStore.load(for: writer.output)
        let previous = stored?.state
        var site: SiteBuild
        let commit: OutputWriter.Commit
        if let previous,
            let edits = try BodyEdits.build(layout: layout, listing: listing, options: options, previous: previous, sink: writer.sink)
        {
            site = edits.site
            do {
                commit = try writer.commit(outputs: site.state.outputs, made: edits.made, buildID: site.state.buildID, previous: previous)
            } catch {
                throw Diagnostics([error])
            }
        } else {
            let snapshot = try ProjectReader.read(layout, listing: listing, known: previous?.inputs ?? [:])
            site = try SiteBuilder.build(snapshot, options: options, previous: previous, listing: listing, sink: writer.sink)
            site.state.inputStamp = listing.stamp
            do {
                commit = try writer.commit(site.files, buildID: site.state.buildID, previous: previous)
            } catch {
                throw Diagnostics([error])
            }
        }
        site.state.spare = commit.spare
        var summary = site.summary
        summary.rendered = site.rendered
        summary.changes = site.changes
        if commit.replaced || previous != site.state {
            // The site is in place; without its state the next build is a full one, which the user should know.
            do {
                try BuildStateStore.save(site.state, summary: site.summary, previous: stored, for: writer.output)
            } catch {
                let path = BuildStateStore.displayPath(forOutputNamed: layout.outputName, output: writer.output)
                summary.warnings.append(
                    "could not save the build state at \(path): \(BuildStateStore.reason(error)); the next build renders every page again")
            }
        }
        return summary
    }
}
