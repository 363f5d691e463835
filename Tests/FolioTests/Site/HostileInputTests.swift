import Folio
import FolioContent
import FolioCore
import FolioTemplates
import FolioYAML
import Foundation
import Testing

/// Inputs that try to leave the project, collide in the output, or break file systems.
@Suite struct HostileInputTests {
    static let base = "-- Content/site.yml --\ntitle: T\n-- Content/index.md --\n---\ntitle: Home\n---\nHome.\n"

    @Test func invalidUTF8InSiteConfigOrATemplateIsAnErrorAtItsByte() throws {
        let site = try SiteFixture(Self.base)
        defer { site.remove() }
        try site.build()
        let before = site.tree()
        try Data(Array("title: T\nauthor: \u{E9}".utf8) + [0xC3]).write(to: site.root.appendingPathComponent("Content/site.yml"))
        #expect(site.errors().map(\.location) == [SourceLocation(path: "Content/site.yml", line: 2, column: 10)])
        try site.write("Content/site.yml", "title: T\n")
        try Data(Array("<p>{{title}}</p>\n".utf8) + [0xFF]).write(
            to: site.root.appendingPathComponent("Templates/partials/footer.mustache"))
        #expect(
            site.errors() == [
                Diagnostic(at: SourceLocation(path: "Templates/partials/footer.mustache", line: 2, column: 1), TemplateIssue.invalidUTF8)
            ])
        #expect(site.tree() == before)
    }

    @Test func headingAnchorsNeverTakeAnIDTheThemeWrites() throws {
        let site = try SiteFixture(Self.base)
        defer { site.remove() }
        try site.write("Content/about.md", "---\ntitle: About\n---\n## Main\n\nA.\n\n## TOC heading\n\nB.\n\n## Sources heading\n\nC.\n")
        try site.build()
        let html = site.read("Output/about.html")
        for id in ["main", "toc-heading", "sources-heading"] {
            #expect(html.components(separatedBy: "id=\"\(id)\"").count <= 2, "id \(id) appears twice")
        }
        #expect(html.contains("<h2 id=\"main-1\">") || html.contains("<h2 id=\"main-2\">"))
    }

    @Test func namesThatWouldBreakTheirLinksAreRefused() throws {
        let site = try SiteFixture(Self.base)
        defer { site.remove() }
        try site.build()
        let before = site.tree()
        for name in ["q#1.md", "what?.md", "100%.md"] {
            try site.write("Content/\(name)", "---\ntitle: T\n---\nText.\n")
            let errors = site.errors()
            #expect(errors.map(\.location.path) == ["Content/\(name)"], "\(name)")
            #expect(errors.first?.message.contains("breaks every link to it") == true)
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/\(name)"))
        }
        #expect(site.tree() == before)
    }

    @Test func anEmptyTitleIsAnErrorAtTheTitle() throws {
        let site = try SiteFixture(Self.base)
        defer { site.remove() }
        try site.write("Content/about.md", "---\ntitle: \"   \"\n---\nText.\n")
        #expect(site.errors() == [Diagnostic(at: SourceLocation(path: "Content/about.md", line: 2, column: 8), ContentIssue.emptyTitle)])
    }

    @Test func scriptURLsAreRefusedWhereTheyAreWritten() throws {
        let site = try SiteFixture(Self.base)
        defer { site.remove() }
        try site.write("Content/about.md", "---\ntitle: About\nsources:\n  - {title: X, url: \"javascript:alert(1)\"}\n---\nText.\n")
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/about.md", line: 4, column: 21), YAMLIssue.unsafeSourceURL("javascript:alert(1)"))
            ])
        try site.write("Content/about.md", "---\ntitle: About\n---\nText.\n")
        for bad in ["javascript:alert(1)", "/reports", "example.org"] {
            try site.write("Content/site.yml", "title: T\nbase_url: \"\(bad)\"\n")
            #expect(
                site.errors() == [
                    Diagnostic(at: SourceLocation(path: "Content/site.yml", line: 2, column: 11), ContentIssue.badBaseURL(bad))
                ])
        }
    }

    @Test func symbolicLinksThatLeaveTheProjectAreErrors() throws {
        let site = try SiteFixture(Self.base)
        defer { site.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("folio-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data("secret".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("Content/leak.md"), withDestinationURL: outside.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("Content/assets"), withDestinationURL: outside)
        let resolved = outside.resolvingSymlinksInPath().path
        #expect(
            site.errors() == [
                Diagnostic(at: SourceLocation(path: "Content/assets"), SiteIssue.symlinkLeavesProject(resolved)),
                Diagnostic(at: SourceLocation(path: "Content/leak.md"), SiteIssue.symlinkLeavesProject(resolved + "/secret.txt")),
            ])
        #expect(site.tree().isEmpty)
    }

    @Test func aSymbolicLinkLoopIsReadOnceNotForever() throws {
        let site = try SiteFixture(Self.base)
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("Content/loop"), withDestinationURL: site.root.appendingPathComponent("Content"))
        try site.build()
        #expect(site.tree()["index.html"] != nil)
    }

    @Test func symbolicLinksInsideTheProjectAreFollowed() throws {
        let site = try SiteFixture(Self.base + "-- Content/notes/real.md --\n---\ntitle: Real\n---\nReal.\n")
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("Content/alias.md"),
            withDestinationURL: site.root.appendingPathComponent("Content/notes/real.md"))
        try site.build()
        #expect(site.read("Output/alias.html").contains("<h1>Real</h1>"))
    }

    @Test func outputNamesThatCollideOnceCaseAndUnicodeFormAreIgnoredAreErrors() throws {
        let site = try SiteFixture(
            Self.base
                + "-- Content/Report.md --\n---\ntitle: A\n---\nA\n-- Content/report.md --\n---\ntitle: B\n---\nB\n"
                + "-- Content/caf\u{E9}.md --\n---\ntitle: C\n---\nC\n-- Content/cafe\u{301}.md --\n---\ntitle: D\n---\nD\n")
        defer { site.remove() }
        let messages = site.errors().map(\.message)
        #expect(messages.count == 2)
        #expect(messages.contains(SiteIssue.outputNameClash("Content/Report.md", "report.html").message))
        #expect(messages.allSatisfy { $0.contains("builds '") })
    }

    @Test func aCopiedFileMayNotTakeThePlaceOfAFileFolioMakes() throws {
        let site = try SiteFixture(Self.base + "-- Content/assets/charts.css --\nbody{}\n")
        defer { site.remove() }
        #expect(
            site.errors() == [
                Diagnostic(at: SourceLocation(path: "Content/assets/charts.css"), SiteIssue.outputNameClash("folio", "assets/charts.css"))
            ])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/assets/charts.css"))
        try site.write("Content/Index.HTML", "<p>x</p>\n")
        #expect(
            site.errors() == [
                Diagnostic(at: SourceLocation(path: "Content/index.md"), SiteIssue.outputNameClash("Content/Index.HTML", "index.html"))
            ])
    }

    @Test func reservedAndOverlongNamesAreErrors() throws {
        let long = String(repeating: "x", count: 260)
        let site = try SiteFixture(
            Self.base + "-- Content/aux.md --\n---\ntitle: A\n---\nA\n-- Content/\(long.prefix(252)).md --\n---\ntitle: L\n---\nL\n")
        defer { site.remove() }
        let errors = site.errors()
        #expect(errors.contains(Diagnostic(at: SourceLocation(path: "Content/aux.md"), SiteIssue.reservedOutputName("aux.html"))))
        #expect(errors.contains { $0.message == SiteIssue.outputNameTooLong(String(long.prefix(252)) + ".html").message })
    }

    @Test func frontMatterProblemsAreLocatedErrors() throws {
        let site = try SiteFixture(
            Self.base
                + "-- Content/a.md --\n---\ntitle: [unclosed\n---\nA\n"
                + "-- Content/b.md --\n---\n- a list\n---\nB\n"
                + "-- Content/c.md --\n---\ntitle: C\n")
        defer { site.remove() }
        let errors = site.errors()
        #expect(errors.map(\.location.path) == ["Content/a.md", "Content/b.md", "Content/c.md"])
        #expect(
            errors[1]
                == Diagnostic(
                    at: SourceLocation(path: "Content/b.md", line: 2, column: 1), YAMLIssue.notAMapping(in: "front matter", found: "a list")
                ))
        #expect(errors[2] == Diagnostic(at: SourceLocation(path: "Content/c.md"), ContentIssue.unclosedFrontMatter))
    }

    @Test func frontMatterValuesAreKeptAsWritten() throws {
        let site = try SiteFixture(
            "-- Content/site.yml --\ntitle: T\n-- Content/index.md --\n---\ntitle: NO\nsummary: 012345\nversion: 1.10\nlive: on\n---\nHome.\n"
                + "-- Templates/layouts/plain.mustache --\n{{page.title}}|{{page.summary}}|{{page.params.version}}|{{page.params.live}}\n",
            theme: true)
        defer { site.remove() }
        try site.write("Content/index.md", "---\ntitle: NO\nsummary: 012345\nversion: 1.10\nlive: on\nlayout: plain\n---\nHome.\n")
        try site.build()
        #expect(site.read("Output/index.html").hasPrefix("NO|012345|1.10|on\n"))
    }

    @Test func aHundredMegabyteDatasetIsRefusedBeforeItIsRead() throws {
        let site = try SiteFixture(Self.base)
        defer { site.remove() }
        let url = site.root.appendingPathComponent("Content/data/huge.csv")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data("a,b\n".utf8)))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 100 << 20)  // sparse: no disk is used
        try handle.close()
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/data/huge.csv"),
                    SiteIssue.inputTooLarge(bytes: 100 << 20, limit: ProjectReader.maxInputBytes))
            ])
    }

    @Test func anAliasBombInFrontMatterIsAnErrorNotAHang() throws {
        let site = try SiteFixture(Self.base)
        defer { site.remove() }
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "l\(level - 1)"
            yaml +=
                "l\(level): &l\(level) [*\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous)]\n"
        }
        try site.write("Content/index.md", "---\ntitle: Home\n\(yaml)---\nHome.\n")
        let errors = site.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.location.path == "Content/index.md")
    }

    /// A script URL is refused where it is written (`scriptURLsAreRefusedWhereTheyAreWritten`); a
    /// source without a URL is shown as text.
    @Test func pageSourcesLinkWebAddressesAndShowTheRestAsText() throws {
        let site = try SiteFixture(
            """
            -- Content/site.yml --
            title: T
            -- Content/index.md --
            ---
            title: Home
            sources:
              - {title: Filing}
              - {title: Report, url: "https://example.com/r"}
            ---
            Home.
            """)
        defer { site.remove() }
        try site.build()
        let html = site.read("Output/index.html")
        #expect(html.contains("<li>Filing</li>"))
        #expect(html.contains("<li><a href=\"https://example.com/r\">Report</a></li>"))
    }
}
