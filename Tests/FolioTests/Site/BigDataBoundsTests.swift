import Folio
import FolioBlocks
import FolioCharts
import FolioCore
import Foundation
import Testing

/// Big data gives a page of bounded size: charts and tables past their limits are errors that
/// say what to do instead, and `limit:` shows the first rows of a long table.
@Suite struct BigDataBoundsTests {
    static let base = "-- Content/site.yml --\ntitle: T\n-- Content/index.md --\n---\ntitle: Home\n---\nHome.\n"

    /// `rows` rows of `day,value,other`.
    static func csv(rows: Int) -> String {
        "day,value,other\n" + (0..<rows).map { "d\($0),\($0 % 97),\($0 % 13)\n" }.joined()
    }

    static func page(_ block: String) -> String { "---\ntitle: Big\n---\nText.\n\n```\(block)```\n" }

    @Test func aLineChartPastThePointLimitIsAnErrorThatSuggestsAggregating() throws {
        let site = try SiteFixture(Self.base)
        defer { site.remove() }
        try site.build()
        let before = site.tree()
        try site.write("Content/data/big.csv", Self.csv(rows: ChartType.pointLimit + 1))
        try site.write("Content/big.md", Self.page("chart\ntype: line\ndata: big\nx: day\ny: value\ntitle: Big\n"))
        let errors = site.errors()
        #expect(errors.map(\.location) == [SourceLocation(path: "Content/big.md", line: 8, column: 7)])
        #expect(errors.first?.message.contains("2,001 points per series") == true)
        #expect(errors.first?.message.contains("GROUP BY") == true)
        #expect(site.tree() == before)
        try site.write("Content/data/big.csv", Self.csv(rows: ChartType.pointLimit))
        try site.build()
        #expect(site.read("Output/big.html").contains("<svg"))
    }

    @Test func barChartsHoldAsManyBarsAsAPhoneCanShow() throws {
        let site = try SiteFixture(Self.base)
        defer { site.remove() }
        try site.write("Content/data/big.csv", Self.csv(rows: ChartType.barLimit + 1))
        try site.write("Content/big.md", Self.page("chart\ntype: bar\ndata: big\nx: day\ny: value\ntitle: Big\n"))
        #expect(site.errors().map(\.message).first?.contains("61 categories are more than a bar chart draws legibly at 390 px") == true)

        // Three series share each band: a third as many categories.
        let grouped = Self.page("chart\ntype: grouped-bar\ndata: big\nx: day\ny: [value, other, value]\ntitle: Big\n")
        try site.write("Content/big.md", grouped)
        try site.write("Content/data/big.csv", Self.csv(rows: ChartType.barLimit / 3 + 1))
        #expect(site.errors().map(\.message).first?.contains("(at most 20)") == true)
        try site.write("Content/data/big.csv", Self.csv(rows: ChartType.barLimit / 3))
        try site.build()
        try site.write("Content/data/big.csv", Self.csv(rows: ChartType.barLimit))
        try site.write("Content/big.md", Self.page("chart\ntype: hbar\ndata: big\nx: day\ny: value\ntitle: Big\n"))
        try site.build()
        #expect(site.read("Output/big.html").contains("d59"))
    }

    @Test func aLongTableNeedsALimitAndThenShowsItsFirstRows() throws {
        let site = try SiteFixture(Self.base)
        defer { site.remove() }
        try site.write("Content/data/big.csv", Self.csv(rows: 1_001))
        try site.write("Content/big.md", Self.page("table\ndata: big\n"))
        let errors = site.errors()
        #expect(errors.map(\.location) == [SourceLocation(path: "Content/big.md", line: 7, column: 7)])
        #expect(errors.first?.message.contains("1,001 rows are more than a page shows (at most 1,000); expected 'limit: N'") == true)

        try site.write("Content/big.md", Self.page("table\ndata: big\nsort: {key: value, order: desc}\nlimit: 3\n"))
        try site.build()
        let html = site.read("Output/big.html")
        #expect(html.components(separatedBy: "<tr>").count - 1 == 4, "a header row and three rows")
        #expect(html.contains("<tr><td>d96</td><td class=\"num\">96</td>"), "the largest value comes first")
        #expect(html.contains("The first 3 of 1,001 rows."))

        try site.write("Content/big.md", Self.page("table\ndata: big\nlimit: 0\n"))
        #expect(
            site.errors() == [
                Diagnostic(
                    at: SourceLocation(path: "Content/big.md", line: 8, column: 8), BlockIssue.tableLimitRange(0, limit: 1_000))
            ])
    }
}

/// Memory: a large asset is streamed, not read whole; a dataset nothing reads costs little more
/// than its bytes. Measured on the `folio` binary, as a child process of its own.
@Suite struct BigInputMemoryTests {
    @Test func aLargeAssetIsCopiedInBoundedMemory() throws {
        let site = try SiteFixture(BigDataBoundsTests.base)
        defer { site.remove() }
        let size = 160 << 20
        let asset = site.root.appendingPathComponent("Content/assets/video.bin")
        try FileManager.default.createDirectory(at: asset.deletingLastPathComponent(), withIntermediateDirectories: true)
        // A sparse file with marks at both ends, so a copy that skips or shifts a chunk shows.
        try Data("first".utf8).write(to: asset)
        let handle = try FileHandle(forWritingTo: asset)
        try handle.truncate(atOffset: UInt64(size - 4))
        try handle.seekToEnd()
        handle.write(Data("last".utf8))
        try handle.close()

        let run = try PeakMemory.run(["build"], in: site.root)
        #expect(run.status == 0)
        #expect(run.peakMiB < 100, "peak \(run.peakMiB) MiB copying a \(size >> 20) MiB asset")
        let copied = try Data(contentsOf: site.root.appendingPathComponent("Output/assets/video.bin"))
        #expect(copied.count == size)
        #expect(copied.prefix(5) == Data("first".utf8) && copied.suffix(4) == Data("last".utf8))
        #expect(copied.dropFirst(5).dropLast(4).allSatisfy { $0 == 0 })

        let again = try PeakMemory.run(["build"], in: site.root)
        #expect(again.status == 0)
        #expect(again.peakMiB < 100, "peak \(again.peakMiB) MiB rebuilding beside a \(size >> 20) MiB asset")
    }

    @Test func aDatasetNothingReadsCostsLittleMoreThanItsBytes() throws {
        let site = try SiteFixture(BigDataBoundsTests.base)
        defer { site.remove() }
        let rows = (0..<600_000).map { "2024-01-\($0 % 28 + 10),\($0 % 1000).25,item \($0)\n" }.joined()
        try site.write("Content/data/unused.csv", "day,value,name\n" + rows)
        let megabytes = Double(rows.utf8.count) / Double(1 << 20)
        let baseline = try PeakMemory.run(["build", "--output", "Baseline"], in: site.root, without: "Content/data/unused.csv")
        let run = try PeakMemory.run(["build"], in: site.root)
        #expect(run.status == 0 && baseline.status == 0)
        let extra = run.peakMiB - baseline.peakMiB
        #expect(extra < 3 * megabytes, "\(extra) MiB more for a \(megabytes) MiB dataset nothing reads")
    }
}

/// Runs the `folio` binary and reads its peak resident memory from `wait4`, through a small
/// Python parent: a child spawned straight from the test process would be charged the test
/// process's own memory (the kernel counts the shared address space until `exec`).
enum PeakMemory {
    static let parent = """
        import os, subprocess, sys
        child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
        """

    /// `without`: a file moved aside for the run, and put back after it.
    static func run(_ arguments: [String], in folder: URL, without: String? = nil) throws -> (status: Int32, peakMiB: Double) {
        let aside = without.map {
            (folder.appendingPathComponent($0), folder.appendingPathComponent("aside-" + URL(fileURLWithPath: $0).lastPathComponent))
        }
        if let aside { try FileManager.default.moveItem(at: aside.0, to: aside.1) }
        defer { if let aside { try? FileManager.default.moveItem(at: aside.1, to: aside.0) } }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", parent, FolioBinary.url.path] + arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let numbers = printed.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard numbers.count == 2 else { throw CocoaError(.executableLoad) }
        return (Int32(numbers[0]), Double(numbers[1]) / 1024)
    }
}
