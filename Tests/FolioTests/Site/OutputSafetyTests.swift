import FolioCore
import Foundation
import Testing

@testable import Folio

@Suite struct OutputSafetyTests {
    /// The number of write steps of a good build of `site`: one per file, then the swap.
    func stepCount(_ site: SiteFixture) -> Int { site.tree().count - 1 + 1 }

    @Test func aFailureAtEveryWriteStepLeavesThePreviousOutputByteIdentical() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        try site.build()
        let before = site.tree()
        try site.write("Content/debt.md", "---\ntitle: Debt, revised\n---\nNew text.\n")
        let steps = stepCount(site)
        #expect(steps > 5)
        // The last step is the swap itself; a failure can only happen before it.
        for step in 1..<steps {
            let errors = site.errors(BuildOptions(faultPlan: FaultPlan(.fail, afterSteps: step)))
            #expect(errors.count == 1, "step \(step)")
            #expect(errors.first?.message.contains("the previous output is unchanged") == true)
            #expect(differences(site.tree(), before) == [], "output changed after a failure at step \(step)")
            // No page written for the failed build is left behind (a full disk fails the same way).
            let fresh = site.root.appendingPathComponent(".Output.folio-new").path
            #expect(!FileManager.default.fileExists(atPath: fresh), "a failure at step \(step) left the fresh folder")
        }
        try site.build()
        #expect(site.read("Output/debt.html").contains("Debt, revised"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".Output.folio-new").path))
    }

    @Test func aKillAtEveryWriteStepLeavesThePreviousOutputAndTheNextBuildCleansUp() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        #expect(try site.runFolio(["build", "--quiet"]).status == 0)
        let before = site.tree()
        try site.write("Content/index.md", "---\ntitle: Front page, revised\n---\nNew.\n")
        let steps = stepCount(site)
        for step in 1..<steps {
            let run = try site.runFolio(["build"], environment: ["FOLIO_TEST_FAULT": "kill:\(step)"])
            #expect(run.signaled, "step \(step) did not kill the build")
            #expect(differences(site.tree(), before) == [], "output changed after a kill at step \(step)")
        }
        // Killed right after the swap: the new site is whole.
        let last = try site.runFolio(["build"], environment: ["FOLIO_TEST_FAULT": "kill:\(steps)"])
        #expect(last.signaled)
        #expect(site.read("Output/index.html").contains("Front page, revised"))
        #expect(try site.runFolio(["build", "--quiet"]).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("folio-new") }
        #expect(leftovers.isEmpty)
    }

    /// A first build leaves no spare tree; the next build links one from the output (every file,
    /// hard-linked) and makes its site in it, so the tree swapped out shares each unchanged file.
    @Test func theBuildAfterAFirstOneLinksItsSpareTreeFromTheOutput() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        try site.build()
        let output = site.root.appendingPathComponent("Output").path
        let spare = site.root.appendingPathComponent(".Output.folio-previous").path
        #expect(!FileManager.default.fileExists(atPath: spare))
        let files = site.tree().keys.sorted()
        #expect(files.contains("index.html") && files.contains("assets/note.txt"))
        let firstMarker = site.read("Output/\(OutputWriter.markerName)")
        try site.write("Content/debt.md", "---\ntitle: Debt, again\n---\nText.\n")
        try site.build()
        #expect(site.read("Output/debt.html").contains("Debt, again"))
        #expect(site.tree().keys.sorted() == files)
        // The tree swapped out is the first build's output, marker and all.
        #expect(site.read(".Output.folio-previous/\(OutputWriter.markerName)") == firstMarker)
        for path in files where path != OutputWriter.markerName {
            var outputInfo = stat()
            var spareInfo = stat()
            #expect(stat(output + "/" + path, &outputInfo) == 0 && stat(spare + "/" + path, &spareInfo) == 0, "\(path)")
            // A file the edit left as it was is the same file in both trees; one it changed is not.
            let shared = outputInfo.st_ino == spareInfo.st_ino
            #expect(shared == (site.read("Output/" + path) == site.read(".Output.folio-previous/" + path)), "\(path): shared \(shared)")
            #expect(shared == (path == "assets/note.txt") || !["assets/note.txt", "debt.html"].contains(path), "\(path)")
        }
        // The build after makes its site in that tree and stays whole.
        try site.write("Content/debt.md", "---\ntitle: Debt, a third time\n---\nText.\n")
        try site.build()
        #expect(site.read("Output/debt.html").contains("a third time"))
        #expect(site.tree().keys.sorted() == files)
        #expect(site.read(".Output.folio-previous/debt.html").contains("Debt, again"))
    }

    /// The first build of a large site links each page into the twin as it writes it, and leaves
    /// the output hard-linked as the spare tree (the build after has nothing to link).
    @Test func aLargeSitesFirstBuildLeavesTheOutputHardLinkedAsTheSpareTree() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        var options = BuildOptions()
        options.twinnedFiles = 3
        _ = try Build.run(ProjectLayout(base: site.root), options: options)
        let output = site.root.appendingPathComponent("Output").path
        let spare = site.root.appendingPathComponent(".Output.folio-previous").path
        let files = site.tree().keys.sorted()
        #expect(files.contains("index.html") && files.contains("assets/note.txt"))
        #expect(site.read(".Output.folio-previous/\(OutputWriter.markerName)") == site.read("Output/\(OutputWriter.markerName)"))
        for path in files where path != OutputWriter.markerName {
            var outputInfo = stat()
            var spareInfo = stat()
            #expect(stat(output + "/" + path, &outputInfo) == 0 && stat(spare + "/" + path, &spareInfo) == 0, "\(path)")
            #expect(outputInfo.st_ino == spareInfo.st_ino, "\(path) is not the output's file")
        }
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".Output.folio-twin").path))
        let state = try #require(BuildStateStore.load(for: URL(fileURLWithPath: output))?.state)
        #expect(state.spare != nil)
        #expect(SpareMaker.start(for: OutputWriter(output: URL(fileURLWithPath: output), displayName: "Output"), previous: state) == nil)
        try site.write("Content/debt.md", "---\ntitle: Debt, again\n---\nText.\n")
        try site.build()
        #expect(site.read("Output/debt.html").contains("Debt, again"))
        #expect(site.tree().keys.sorted() == files)
    }

    @Test func filesWithoutASourceDisappearOnTheNextBuild() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        try site.build()
        #expect(site.tree()["assets/note.txt"] != nil)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/assets/note.txt"))
        try site.write("Content/index.md", "---\ntitle: Home\n---\nNo links.\n")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/analysis/ipo.md"))
        try site.write("Content/debt.md", "---\ntitle: Debt\n---\nNo links.\n")
        try site.build()
        let files = site.tree()
        #expect(files["assets/note.txt"] == nil)
        #expect(files["analysis/ipo.html"] == nil)
    }

    @Test func refusesAnOutputThatIsOrContainsAnInput() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        let cases: [(String, String)] = [
            ("Content", "is the content folder"), (".", "contains the content folder"), ("Templates", "is the templates folder"),
            ("Content/_site", "is inside the content folder"),
        ]
        for (output, what) in cases {
            do {
                _ = try Build.run(ProjectLayout(output: output, base: site.root))
                Issue.record("built into \(output)")
            } catch {
                #expect(error.all == [Diagnostic(at: SourceLocation(path: output), SiteIssue.outputIsInput(what))])
            }
        }
    }

    @Test func refusesANonEmptyFolderItDidNotCreateButAcceptsAnEmptyOne() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        try site.write("Output/precious.txt", "keep me")
        #expect(site.errors() == [Diagnostic(at: SourceLocation(path: "Output"), SiteIssue.outputNotOurs)])
        #expect(site.read("Output/precious.txt") == "keep me")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Output/precious.txt"))
        try site.build()
        #expect(site.tree()["index.html"] != nil)
    }

    @Test func keepsTopLevelDotEntriesItDidNotWrite() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        try site.build()
        try site.write("Output/.git/HEAD", "ref: refs/heads/gh-pages\n")
        try site.write("Output/.nojekyll", "")
        try site.build()
        #expect(site.read("Output/.git/HEAD") == "ref: refs/heads/gh-pages\n")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/.nojekyll").path))
    }

    @Test func twoBuildsAtOnceNeverMixTheirOutput() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        try site.build()
        let runs = (0..<4).map { _ in
            let process = Process()
            process.executableURL = FolioBinary.url
            process.arguments = ["build", "--quiet"]
            process.currentDirectoryURL = site.root
            return process
        }
        for run in runs { try run.run() }
        for run in runs { run.waitUntilExit() }
        #expect(runs.allSatisfy { $0.terminationStatus == 0 })
        let single = try SiteFixture(smallSite)
        defer { single.remove() }
        try single.build()
        #expect(differences(site.tree(), single.tree()) == [])
    }
}

@Suite struct DeterminismTests {
    @Test func outputIsByteIdenticalWhateverTimeZoneLocaleThreadsOrFileOrder() throws {
        let first = try SiteFixture(smallSite)
        let second = try SiteFixture(smallSite, reversedWriteOrder: true)
        defer {
            first.remove()
            second.remove()
        }
        let one = try first.runFolio(
            ["build", "--quiet", "--base-url", "https://example.org"],
            environment: ["TZ": "Pacific/Kiritimati", "LC_ALL": "de_DE.UTF-8", "FOLIO_JOBS": "1"])
        let two = try second.runFolio(
            ["build", "--quiet", "--base-url", "https://example.org"],
            environment: ["TZ": "America/Adak", "LC_ALL": "C", "FOLIO_JOBS": "8"])
        #expect(one.status == 0 && two.status == 0)
        #expect(!first.tree().isEmpty)
        #expect(differences(first.tree(), second.tree()) == [])
    }
}
