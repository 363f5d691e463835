import Folio
import FolioCore
import Foundation
import Testing

/// The report as one PDF (SPEC §9), checked with Debian's poppler-utils (installed by the Makefile).
@Suite(.serialized) struct PDFSiteTests {
    static let rows = (1...70).map { "Company \($0),\($0 * 3)" }.joined(separator: "\n")

    static let project = """
        -- Content/site.yml --
        title: The Canary Report
        description: Capex and the AI boom
        author: The desk
        pdf: true
        nav: [capex.md, ledger.md]
        languages:
          zh: {title: 金丝雀报告}
        -- Content/data/capex.csv --
        company,plan_usd_b
        Meta,65
        Microsoft,80
        -- Content/data/capex.meta.yml --
        units: {plan_usd_b: USD billions}
        source: {title: Company filings, url: "https://example.org/filings", date: 2025-02-01}
        -- Content/data/ledger.csv --
        name,amount
        \(rows)
        -- Content/index.md --
        ---
        title: Overview
        date: 2025-03-28
        ---
        Start with [the capex plans](capex.md#plans) or read [the filings](https://example.org/filings).
        -- Content/index.zh.md --
        ---
        title: 概览
        ---
        先看[资本开支](capex.md)。
        -- Content/capex.md --
        ---
        title: Capex plans
        ---
        ## Plans

        Meta plans `=capex.plan_usd_b[company=Meta]`.

        ```chart
        type: bar
        data: capex
        x: company
        y: plan_usd_b
        title: Microsoft plans the most
        ```
        -- Content/ledger.md --
        ---
        title: The ledger
        ---
        Every company, back to [the overview](index.md).

        ```table
        data: ledger
        ```
        """

    /// The project built once for the tests that only read its PDF (each build runs WeasyPrint twice).
    static let built: Result<SiteFixture, any Error> = Result {
        let site = try SiteFixture(project)
        try site.build()
        return site
    }

    /// The standard output of a program in /usr/bin (poppler-utils' tools, python3).
    func output(of program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + program)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(program) \(arguments) failed")
        return String(decoding: data, as: UTF8.self)
    }

    /// Page `page`'s text without the running heads and page number (the top and bottom margins cropped, A4 at 72 dpi).
    func body(_ pdf: String, page: Int) throws -> String {
        try output(of: "pdftotext", ["-f", "\(page)", "-l", "\(page)", "-x", "0", "-y", "60", "-W", "595", "-H", "700", pdf, "-"])
    }

    @Test func theReportIsOnePDFPerLanguageWithAContentsPageThatPointsAtTheRightPages() throws {
        let site = try Self.built.get()
        let pdf = site.root.appendingPathComponent("Output/report.pdf").path
        let info = try output(of: "pdfinfo", [pdf])
        let pages = try #require(
            info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") })
        #expect((5...12).contains(pages), "\(pages) pages")
        #expect(info.split(separator: "\n").contains { $0.hasPrefix("Title:") && $0.hasSuffix(" The Canary Report") })
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/report.zh.pdf").path))
        // Every font is embedded.
        let fonts = try output(of: "pdffonts", [pdf]).split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for font in fonts { #expect(font.contains(" yes "), "\(font)") }
        // The contents give each article's page: its title is on that page and not on the one before.
        let contents = try output(of: "pdftotext", ["-f", "2", "-l", "2", "-layout", pdf, "-"])
        for title in ["Overview", "Capex plans", "The ledger"] {
            let line = try #require(contents.split(separator: "\n").first { $0.contains(title) }, "\(title) is not in the contents")
            let page = try #require(line.split(separator: " ").last.flatMap { Int($0) }, "\(line)")
            #expect(try body(pdf, page: page).contains(title), "\(title) is not on page \(page)")
            // (Page 2 is the contents, which names every article.)
            if page - 1 > 2 { #expect(try !body(pdf, page: page - 1).contains(title), "\(title) is already on page \(page - 1)") }
        }
        // Articles come in the menu's order after the home page.
        let order = ["Overview", "Capex plans", "The ledger"].compactMap { contents.firstRange(of: $0)?.lowerBound }
        #expect(order == order.sorted() && order.count == 3)
    }

    @Test func aLongTableRepeatsItsHeaderAndLinksStayLinks() throws {
        let site = try Self.built.get()
        let pdf = site.root.appendingPathComponent("Output/report.pdf").path
        let text = try output(of: "pdftotext", ["-layout", pdf, "-"])
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        let first = try #require(pages.firstIndex { $0.contains("Company 1 ") })
        let last = try #require(pages.firstIndex { $0.contains("Company 70") })
        #expect(last > first, "the 70-row table fits on one page")
        #expect(pages[last].contains("Name") && pages[last].contains("Amount"), "the header is not repeated on the table's last page")
        let urls = try output(of: "pdfinfo", ["-url", pdf])
        #expect(urls.contains("https://example.org/filings"))
        // A link between articles stays inside the document: no link to an .html file.
        #expect(!urls.contains(".html"))
    }

    @Test func aChartIsAVectorWithItsTitleAndSourceOnOnePageInItsColours() throws {
        let site = try Self.built.get()
        let pdf = site.root.appendingPathComponent("Output/report.pdf").path
        let text = try output(of: "pdftotext", ["-layout", pdf, "-"])
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        let chartPage = try #require(pages.firstIndex { $0.contains("Microsoft plans the most") })
        #expect(pages[chartPage].contains("Company filings"), "the chart's source line is not on its page")
        #expect(pages[chartPage].contains("$80B"), "the chart's labels are not text")
        // The bars are the first series colour (#0072B2), not black.
        let png = site.root.appendingPathComponent("chart-page").path
        _ = try output(of: "pdftoppm", ["-f", "\(chartPage + 1)", "-l", "\(chartPage + 1)", "-r", "40", "-singlefile", pdf, png])
        let pixels = try #require(PPM.pixels(ofFileAt: png + ".ppm"))
        let blue = pixels.filter { abs(Int($0.r) - 0x00) < 24 && abs(Int($0.g) - 0x72) < 24 && abs(Int($0.b) - 0xB2) < 24 }.count
        let black = pixels.filter { $0.r < 40 && $0.g < 40 && $0.b < 40 }.count
        #expect(blue > 500, "\(blue) blue pixels")
        #expect(blue > black, "\(black) black pixels against \(blue) blue")
    }

    /// Debian's libfaketime (the `faketime` package, installed by the Makefile): preloaded, it moves a program's clock.
    static let faketime = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"

    /// Runs `body` with every program it starts seeing a clock `seconds` ahead (WeasyPrint reads the time through libc).
    func withClockAhead(seconds: Int, _ body: () throws -> Void) throws {
        setenv("FAKETIME", "+\(seconds)", 1)
        setenv("LD_PRELOAD", Self.faketime, 1)
        defer {
            unsetenv("LD_PRELOAD")
            unsetenv("FAKETIME")
        }
        try body()
    }

    /// What `python3` (WeasyPrint's interpreter) reads as the time, in seconds since 1970.
    func pythonClock() throws -> Int {
        let printed = try output(of: "python3", ["-c", "import time; print(int(time.time()))"])
        return try #require(Int(printed.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func theSameInputsGiveTheSameBytesAMinuteLaterAndEveryPageLinksItsPDF() throws {
        let first = try SiteFixture(Self.project)
        defer { first.remove() }
        try first.build()
        let second = try SiteFixture(Self.project)
        defer { second.remove() }
        // The second build's WeasyPrint runs with its clock 90 seconds ahead: fonts subset then would carry another time.
        var skew = 0
        try withClockAhead(seconds: 90) {
            skew = try pythonClock() - Int(Date().timeIntervalSince1970)
            try second.build()
        }
        try #require(skew >= 85, "libfaketime moved python's clock by \(skew) s, not 90")
        #expect(first.tree()["report.pdf"] == second.tree()["report.pdf"])
        #expect(first.tree()["report.zh.pdf"] == second.tree()["report.zh.pdf"])
        #expect(first.read("Output/capex.html").contains("<a href=\"report.pdf\">The whole report as one PDF</a>"))
        #expect(first.read("Output/zh/index.html").contains("<a href=\"../report.zh.pdf\">"))
    }

    /// The identity of a file: a PDF kept from the last build is the same file, linked again.
    func inode(_ site: SiteFixture, _ path: String) -> UInt64 {
        var info = stat()
        return stat(site.root.appendingPathComponent("Output/" + path).path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    @Test func aPDFIsMadeAgainOnlyWhenAPageItHoldsChanged() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        let english = inode(site, "report.pdf")
        let chinese = inode(site, "report.zh.pdf")
        #expect(english != 0 && chinese != 0)
        // A Chinese page changes: only the Chinese PDF is made again.
        try site.write("Content/index.zh.md", "---\ntitle: 概览（修订）\n---\n先看[资本开支](capex.md)。\n")
        try site.build()
        #expect(inode(site, "report.pdf") == english)
        #expect(inode(site, "report.zh.pdf") != chinese)
        let text = try output(of: "pdftotext", [site.root.appendingPathComponent("Output/report.zh.pdf").path, "-"])
        #expect(text.contains("概览（修订）"))
        // A data update reaches an English page: the English PDF is made again.
        try site.write("Content/data/capex.csv", "company,plan_usd_b\nMeta,70\nMicrosoft,80\n")
        try site.build()
        #expect(inode(site, "report.pdf") != english)
        let updated = try output(of: "pdftotext", [site.root.appendingPathComponent("Output/report.pdf").path, "-"])
        #expect(updated.contains("$70B"))
    }

    @Test func withoutWeasyPrintTheErrorSaysHowToInstallIt() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        let run = try site.runFolio(["build"], environment: ["PATH": "/nonexistent"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("apt-get install weasyprint"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output").path))
    }
}

/// The pixels of a binary PPM (`P6`, as `pdftoppm` writes by default).
enum PPM {
    static func pixels(ofFileAt path: String) -> [(r: UInt8, g: UInt8, b: UInt8)]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        // The header: P6, width, height, maximum value, each after white space; then one byte per channel.
        var fields: [String] = []
        var index = 0
        while fields.count < 4, index < bytes.count {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
            var field = ""
            while index < bytes.count, !(bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09) {
                field.append(Character(Unicode.Scalar(bytes[index])))
                index += 1
            }
            fields.append(field)
        }
        index += 1
        guard fields.first == "P6", fields.count == 4, let width = Int(fields[1]), let height = Int(fields[2]), fields[3] == "255",
            bytes.count >= index + width * height * 3
        else { return nil }
        return (0..<(width * height)).map { pixel in
            let at = index + pixel * 3
            return (bytes[at], bytes[at + 1], bytes[at + 2])
        }
    }
}
