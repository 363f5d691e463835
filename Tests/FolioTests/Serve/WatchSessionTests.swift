import Folio
import FolioCore
import Foundation
import Testing

@testable import FolioServe

/// The rebuild loop: one build per burst, and it keeps going after an input error.
@Suite struct WatchSessionTests {
    @Test func aBurstOfSavesIsOneRebuild() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Scaffold.create(at: folder.url)
        let layout = ProjectLayout(base: folder.url)
        let builds = Recorder<Int>()
        let session = WatchSession(
            layout, options: BuildOptions(),
            watcher: try InotifyWatcher(WatchSession.watchedFolders(layout), quietPeriod: .seconds(1)),
            builder: { layout, options throws(Diagnostics) in
                builds.append(1)
                return try Build.run(layout, options: options)
            })
        let outcomes = Recorder<ChangeBatch>()
        startThread { session.run { batch, _ in outcomes.append(batch) } }
        defer { session.stop() }
        for round in 1...10 { try folder.write("Content/about.md", "---\ntitle: About \(round)\n---\n\nText.\n") }
        try folder.write("Content/data/sales.csv", "year,revenue_usd_m\n2022,120.5\n2023,180\n2024,250\n")
        #expect(await eventually { !outcomes.all.isEmpty })
        #expect(await !eventually(timeout: .seconds(2)) { builds.all.count > 1 })
        #expect(builds.all.count == 1)
        #expect(outcomes.all.first?.paths.isSuperset(of: ["Content/about.md", "Content/data/sales.csv"]) == true)
    }

    @Test func anInputErrorIsReportedAndTheNextChangeRebuilds() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Scaffold.create(at: folder.url)
        let layout = ProjectLayout(base: folder.url)
        let session = WatchSession(layout, options: BuildOptions())
        guard case .built(_, _, outputReplaced: true) = session.build() else {
            Issue.record("the starter project does not build")
            return
        }
        let page = try folder.read("Output/index.html")
        let outcomes = Recorder<BuildOutcome>()
        startThread { session.run { _, outcome in outcomes.append(outcome) } }
        defer { session.stop() }

        try folder.write("Content/data/sales.csv", "year,revenue\n2022,120.5\n2023,180\n2024,241.2\n")
        #expect(await eventually { outcomes.all.contains { if case .failed = $0 { true } else { false } } })
        #expect(try folder.read("Output/index.html") == page)

        try folder.write("Content/data/sales.csv", "year,revenue_usd_m\n2022,120.5\n2023,180\n2024,305.9\n")
        #expect(await eventually { outcomes.all.contains { if case .built(_, _, outputReplaced: true) = $0 { true } else { false } } })
        #expect(try folder.read("Output/index.html").contains("305.9"))
    }
}
