import FolioContent
import FolioCore
import Foundation
import Testing

@testable import Folio

/// The state file's own encoding: what is written is what is read back, and a damaged file is no state.
@Suite struct StateCodecTests {
    static func sample() -> BuildState {
        let outline = ArticleOutline(
            path: "analysis/ipo.md", displayPath: "Content/analysis/ipo.md", title: "The IPO — “priced low”", navTitle: "IPO",
            summary: nil, date: ISODate("2025-03-28"), updated: nil, layout: "wide",
            layoutLocation: SourceLocation(path: "Content/analysis/ipo.md", line: 4, column: 9), order: -3, draft: false)
        var page = BuildState.PageRecord(
            fingerprint: "f1", datasets: ["capex", "losses"], files: ["analysis/ipo.html": "h1", "charts/ipo/chart-1.svg": "h2"],
            values: ["=losses.net[year=2024]": "−$863M"], charts: ["chart-1": [["year", "net"], ["2024", "-863"]]], tables: 2,
            tableDigests: ["table 1 (losses)": "d1"], chartTitles: ["chart-1": "'Losses' (losses)"], source: "Content/analysis/ipo.md")
        page.claims["Debt tripled"] = BuildState.ClaimRecord(line: 41, operands: [["debt[2025]", "11,100"]])
        var state = BuildState(
            buildID: "b2", outputs: ["analysis/ipo.html": "h1", "charts/ipo/chart-1.svg": "h2", "index.html": "h3"],
            pages: ["analysis/ipo.html": page])
        state.inputStamp = "s1"
        state.structure = "st"
        state.datasetHashes = ["losses": "dh1", "totals": "dh2"]
        state.printHashes = ["report.pdf": "ph1", "report.zh.pdf": "ph2"]
        state.derived["totals"] = BuildState.DerivedRecord(
            fingerprint: "d", reads: ["losses"], columns: [["year", "number", "", ""]], rows: [["2024"], [""]])
        // A size larger than the state file itself, and times past 2^32.
        state.inputs["Content/analysis/ipo.md"] = BuildState.InputRecord(
            size: 5_000_000,
            stamp: FileStamp(
                inode: 12, modified: 1_764_000_000, modifiedNanoseconds: 999_999_999, changed: 1_764_000_001, changedNanoseconds: 0),
            hash: "a1",
            article: BuildState.ArticleRecord(outline: outline, frontMatterHash: "fm"))
        state.inputs["Templates/assets/style.css"] = BuildState.InputRecord(size: 0, stamp: .unsettled, hash: "a2", article: nil)
        state.spare = BuildState.SpareTree(buildID: "b1", differences: ["index.html": "h0", "gone.html": ""])
        return state
    }

    @Test(arguments: [0, 1, 7, 64, 65, 1_000])
    func entriesEncodedInParallelGiveTheBytesOfOneThread(count: Int) {
        let values = Dictionary(uniqueKeysWithValues: (0..<count).map { ("page-\($0 * 7919 % 1_009)-\($0).html", "hash \($0)") })
        var serial = StateByteWriter()
        serial.textMap(values)
        var parallel = StateByteWriter()
        parallel.parallelMap(values, batch: 64) { $0.text($1) }
        #expect(parallel.bytes == serial.bytes)
        #expect(parallel.bytes.count > count * 10)
    }

    @Test func whatIsWrittenIsReadBack() throws {
        let state = Self.sample()
        let bytes = StateCodec.encode(state)
        #expect(StateCodec.decode(bytes) == state)
        // Dictionaries are written in key order: the same state gives the same bytes.
        #expect(StateCodec.encode(try #require(StateCodec.decode(bytes))) == bytes)
    }

    @Test func aPagesDetailsStayBytesUntilAskedForAndDamagedOnesAreNeverReused() throws {
        let state = Self.sample()
        let bytes = StateCodec.encode(state)
        let decoded = try #require(StateCodec.decode(bytes))
        let page = try #require(decoded.pages["analysis/ipo.html"])
        guard case .encoded(let encoded) = page.storedDetails else {
            Issue.record("a decoded page's details should still be bytes")
            return
        }
        #expect(page.chartCount == 1 && page.claimCount == 1)
        #expect(page.files == state.pages["analysis/ipo.html"]?.files)
        // A damaged blob decodes to details whose file no output has, so the page is made again.
        let damaged = PageDetails.Encoded(bytes: Array(encoded.bytes.dropLast()), chartCount: 1, claimCount: 1)
        let record = BuildState.PageRecord(fingerprint: "f1", datasets: [], tables: 0, source: "s", encoded: damaged)
        #expect(record.files == PageDetails.unreadable.files)
        #expect(!record.files.allSatisfy { state.outputs[$0.key] == $0.value })
    }

    @Test func aTruncatedOrDamagedFileIsNoState() {
        let bytes = StateCodec.encode(Self.sample())
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            #expect(StateCodec.decode(Array(bytes[..<cut])) == nil, "cut at \(cut)")
        }
        #expect(StateCodec.decode(bytes + [0]) == nil, "a byte past the end")
        var otherVersion = bytes
        otherVersion[StateCodec.magic.count] = UInt8(BuildState.version + 1)
        #expect(StateCodec.decode(otherVersion) == nil)
        #expect(StateCodec.decode(Array("{\"version\": 2}".utf8)) == nil, "the JSON state of an older folio")
    }

    @Test func appendedChangesTurnTheStoredStateIntoTheNewOne() throws {
        let old = Self.sample()
        var new = old
        new.buildID = "b3"
        new.inputStamp = nil
        new.outputs["index.html"] = "h4"
        new.outputs["charts/ipo/chart-1.svg"] = nil
        new.outputs["new.html"] = "h5"
        new.pages["analysis/ipo.html"]?.values["=losses.net[year=2025]"] = "−$1.2B"
        new.pages["new.html"] = new.pages["analysis/ipo.html"]
        new.inputs["Templates/assets/style.css"] = nil
        new.derived = [:]
        new.spare = nil
        new.printHashes["report.zh.pdf"] = "ph3"
        var newer = new
        newer.buildID = "b4"
        newer.pages["analysis/ipo.html"] = nil
        let file =
            StateCodec.encode(old) + StateCodec.encode(StateChange(from: old, to: new), base: old)
            + StateCodec.encode(StateChange(from: new, to: newer), base: new)
        let decoded = try #require(StateCodec.decodeWithSizes(file))
        #expect(decoded.state == newer)
        #expect(decoded.wholeBytes == StateCodec.encode(old).count && decoded.fileBytes == file.count)
        // A frame cut short (a build killed while appending) leaves no state, not the state before it.
        #expect(StateCodec.decode(Array(file.dropLast())) == nil)
        // A frame that changes nothing still names the new build.
        let same = StateCodec.encode(old) + StateCodec.encode(StateChange(from: old, to: old), base: old)
        #expect(StateCodec.decode(same) == old)
    }
}

/// The state read ahead of the lock is used only while the output is still the build it describes.
@Suite struct StatePrefetchTests {
    @Test func aStateReadBeforeAnotherBuildSwappedTheOutputIsReadAgain() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        try site.build()
        let output = site.root.appendingPathComponent("Output")
        let prefetch = StatePrefetch(output: output)
        let first = try #require(BuildStateStore.load(for: output))
        #expect(prefetch.read?.state == first.state)
        // Another build finishes after the read and before this build holds the lock.
        try site.write("Content/debt.md", "---\ntitle: Debt, revised\n---\nNew text.\n")
        try site.build()
        let second = try #require(BuildStateStore.load(for: output))
        #expect(first.state.buildID != second.state.buildID)
        #expect(prefetch.take()?.state.buildID == second.state.buildID)
        #expect(StatePrefetch(output: output).take()?.state == second.state)
    }
}
