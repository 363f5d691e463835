import Folio
import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func inputErrorsExitOneWithEveryErrorSorted() throws {
        let site = try SiteFixture("-- Content/site.yml --\ntitle: T\n-- Content/index.md --\n---\ntitle: Home\n---\n[a](z.md) [b](y.md)")
        defer { site.remove() }
        let run = try site.runFolio(["build"])
        #expect(run.status == 1)
        #expect(
            run.stderr == """
                Content/index.md:4:1: link to 'z.md', which is not an article; expected the path of a .md file in Content/
                Content/index.md:4:11: link to 'y.md', which is not an article; expected the path of a .md file in Content/
                folio: 2 errors; nothing was written

                """)
    }

    @Test func usageErrorsExitSixtyFour() throws {
        let site = try SiteFixture("")
        defer { site.remove() }
        #expect(try site.runFolio(["build", "--no-such-flag"]).status == 64)
        #expect(try site.runFolio(["frobnicate"]).status == 64)
    }

    @Test func buildPrintsOneSummaryLineAndQuietPrintsNothing() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        let run = try site.runFolio(["build"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Built 3 pages, 0 charts, 0 tables in "))
        #expect(run.stdout.hasSuffix(" ms → Output/\n"))
        #expect(try site.runFolio(["build", "--quiet"]).stdout == "")
    }

    @Test func aStateThatCannotBeSavedIsAWarningOnStandardErrorEvenWhenQuiet() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        try site.write(".folio", "not a folder\n")
        for arguments in [["build"], ["build", "--quiet"]] {
            let run = try site.runFolio(arguments)
            #expect(run.status == 0, "\(arguments)")
            #expect(run.stderr.hasPrefix("folio: warning: could not save the build state at .folio/Output.state: "), "\(arguments)")
            #expect(run.stderr.hasSuffix("; the next build renders every page again\n"), "\(arguments)")
            #expect(run.stdout.isEmpty == arguments.contains("--quiet"), "\(arguments)")
        }
        #expect(site.read("Output/index.html").contains("href=\"analysis/ipo.html#pricing\""))
    }

    @Test func flagsPickEachFolderIndependently() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("Content"), to: site.root.appendingPathComponent("report"))
        let run = try site.runFolio(["build", "--content", "report", "--output", "public"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.tree("public")["analysis/ipo.html"] != nil)
    }

    @Test func newMakesAProjectThatBuildsAndRefusesANonEmptyFolder() throws {
        let site = try SiteFixture("")
        defer { site.remove() }
        #expect(try site.runFolio(["new", "report"]).status == 0)
        let build = try site.runFolio([
            "build", "--content", "report/Content", "--templates", "report/Templates", "--output", "report/Output",
        ])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(site.tree("report/Output")["index.html"] != nil)
        // The starter shows a derived dataset and guards its title with a claim that holds.
        #expect(build.stdout.contains(", 1 claim held"))
        #expect(site.read("report/Output/index.html").contains("Computed from sales."))
        #expect(try site.runFolio(["new", "report"]).status == 1)
        // What a build leaves beside its sources stays out of git: the site, the state, the spare tree and the lock.
        let ignored =
            try Self.git(["init", "-q"], in: site.root.appendingPathComponent("report"))
            + Self.git(["status", "--porcelain", "--untracked-files=all"], in: site.root.appendingPathComponent("report"))
        #expect(!ignored.isEmpty && !ignored.contains("Output") && !ignored.contains(".folio"), "\(ignored)")
        #expect(ignored.contains("Content/index.md"))
    }

    /// What `git` prints, run in `folder`.
    static func git(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func aBaseURLThatIsNotAnAbsoluteHTTPAddressIsAUsageError() throws {
        let site = try SiteFixture("-- Content/site.yml --\ntitle: T\n-- Content/index.md --\n---\ntitle: Home\n---\nHome.\n")
        defer { site.remove() }
        for bad in ["javascript:alert(1)", "/reports"] {
            let run = try site.runFolio(["build", "--base-url", bad])
            #expect(run.status == 64)
            #expect(run.stderr.contains("--base-url '\(bad)' is not an absolute http(s) address"))
        }
        #expect(try site.runFolio(["build", "--base-url", "https://example.org/r"]).status == 0)
    }

    @Test func helpDescribesTheCommands() throws {
        let site = try SiteFixture("")
        defer { site.remove() }
        let help = try site.runFolio(["build", "--help"]).stdout
        #expect(help.contains("--base-url"))
        #expect(help.contains("--drafts"))
    }
}

@Suite struct EmbeddedFilesTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func files(in folder: String) -> [String: [UInt8]] {
        let fixture = SiteFixtureTree(root: Self.repository.appendingPathComponent(folder))
        return fixture.files
    }

    @Test func theEmbeddedThemeIsTheTemplatesFolder() {
        let embedded = Dictionary(uniqueKeysWithValues: Scaffold.themeFiles.map { ($0.path, $0.bytes) })
        #expect(!embedded.isEmpty)
        #expect(embedded == files(in: "Templates"))
    }

    @Test func theEmbeddedStarterIsTheStarterFolder() {
        let embedded = Dictionary(uniqueKeysWithValues: Scaffold.starterFiles.map { ($0.path, $0.bytes) })
        #expect(embedded["site.yml"] != nil)
        #expect(embedded == files(in: "Sources/Folio/Site/Starter/Content"))
    }
}

/// Reads a folder tree of the repository.
struct SiteFixtureTree {
    let root: URL
    var files: [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in enumerator where !url.lastPathComponent.hasPrefix(".") {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                let data = FileManager.default.contents(atPath: url.path)
            else { continue }
            result[String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))] = Array(data)
        }
        return result
    }
}
