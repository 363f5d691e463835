import FolioCore
import Foundation

/// `folio build`: read the project, build the site in memory, and swap it into the output folder.
public enum Build {
    public static func run(_ layout: ProjectLayout, options: BuildOptions = BuildOptions()) throws(Diagnostics) -> BuildSummary {
        var writer = OutputWriter(output: layout.output, displayName: layout.outputName, faultPlan: options.faultPlan)
        do {
            try writer.checkSafeToReplace(inputs: [("content", layout.content), ("templates", layout.templates)])
        } catch {
            throw Diagnostics([error])
        }
        let snapshot = try ProjectReader.read(layout)
        let (files, summary) = try SiteBuilder.build(snapshot, options: options)
        do {
            try writer.commit(files)
        } catch {
            throw Diagnostics([error])
        }
        return summary
    }
}
