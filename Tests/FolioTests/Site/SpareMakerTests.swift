import FolioCore
import Foundation
import Testing

@testable import Folio

/// The spare tree linked from an output while a build works: every file of the output, the same
/// file (a hard link), with the output's marker written last; none when the spare tree is in place.
@Suite struct SpareMakerTests {
    /// A small site after its first build: the fixture, its output's writer and the state saved.
    func firstBuild() throws -> (SiteFixture, OutputWriter, BuildState) {
        let site = try SiteFixture(smallSite)
        try site.build()
        let writer = OutputWriter(output: site.root.appendingPathComponent("Output"), displayName: "Output")
        let state = try #require(BuildStateStore.load(for: writer.output)?.state)
        return (site, writer, state)
    }

    @Test func linksEveryFileOfTheOutputAndItsMarker() throws {
        let (site, writer, state) = try firstBuild()
        defer { site.remove() }
        #expect(state.spare == nil)
        // A stale, unmarked tree from a stopped build is replaced.
        try FileManager.default.createDirectory(at: writer.spare.appendingPathComponent("stale"), withIntermediateDirectories: true)
        let maker = try #require(SpareMaker.start(for: writer, previous: state))
        let record = try #require(maker.wait())
        #expect(record == BuildState.SpareTree(buildID: state.buildID, differences: [:]))
        #expect(!FileManager.default.fileExists(atPath: writer.spare.appendingPathComponent("stale").path))
        #expect(site.read(".Output.folio-previous/\(OutputWriter.markerName)") == site.read("Output/\(OutputWriter.markerName)"))
        #expect(state.outputs.count > 3)
        for path in state.outputs.keys {
            var outputInfo = stat()
            var spareInfo = stat()
            #expect(stat(writer.output.path + "/" + path, &outputInfo) == 0, "\(path)")
            #expect(stat(writer.spare.path + "/" + path, &spareInfo) == 0, "\(path)")
            #expect(outputInfo.st_ino == spareInfo.st_ino, "\(path)")
        }
        // With that tree in place (and named in the state), there is nothing to make.
        var withSpare = state
        withSpare.spare = record
        #expect(SpareMaker.start(for: writer, previous: withSpare) == nil)
        #expect(withSpare.withSpare(from: nil) == withSpare)
    }

    @Test func aFileMissingFromTheOutputLeavesNoTreeToTrust() throws {
        let (site, writer, state) = try firstBuild()
        defer { site.remove() }
        try FileManager.default.removeItem(at: writer.output.appendingPathComponent("index.html"))
        let maker = try #require(SpareMaker.start(for: writer, previous: state))
        #expect(maker.wait() == nil)
        #expect(state.withSpare(from: maker) == state)
        #expect(!FileManager.default.fileExists(atPath: writer.spare.appendingPathComponent(OutputWriter.markerName).path))
        // The next build still makes a whole site.
        try site.write("Content/debt.md", "---\ntitle: Debt, again\n---\nText.\n")
        try site.build()
        #expect(!site.read("Output/index.html").isEmpty)
        #expect(site.read("Output/debt.html").contains("Debt, again"))
    }
}
