import Folio
import Foundation
import Testing

/// A whole small site compared byte for byte with files in `Golden/small-site/`. A mismatch writes
/// `NAME.changed.html` beside the golden file; `FOLIO_RECORD=1` re-records.
@Suite struct GoldenSiteTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/small-site")

    static let site = """
        -- Content/site.yml --
        title: Golden report
        author: Test Desk
        data_as_of: 2025-03-31
        -- Content/index.md --
        ---
        title: Losses grew faster than revenue
        summary: A small site whose every byte is checked.
        ---
        Revenue reached `=fin.revenue_usd_m[year=2024]|usd_m` while the net loss was
        `=fin.net_loss_usd_m[last]|usd_m`. Read [the detail](detail.md).

        ```chart
        type: grouped-bar
        data: fin
        x: year
        y: [revenue_usd_m, net_loss_usd_m]
        title: Losses grew faster than revenue
        subtitle: USD, 2022–2024
        labels: true
        ```
        -- Content/detail.md --
        ---
        title: The detail
        date: 2025-03-28
        ---
        ```table
        data: fin
        caption: Revenue and net loss
        ```
        -- Content/data/fin.csv --
        year,revenue_usd_m,net_loss_usd_m
        2022,15.8,-31.1
        2023,228.9,-593.7
        2024,1915.4,-863.4
        -- Content/data/fin.meta.yml --
        title: Financials
        source: {title: CoreWeave S-1, url: "https://www.sec.gov/", date: 2025-03-03}
        units: {revenue_usd_m: USD millions, net_loss_usd_m: USD millions}
        """

    @Test(arguments: ["index.html", "detail.html", "charts/index.chart-1.svg", "charts/index.chart-1.csv", "404.html"])
    func matchesTheGoldenFile(path: String) throws {
        let fixture = try SiteFixture(Self.site)
        defer { fixture.remove() }
        try fixture.build()
        try Self.compare(try #require(fixture.tree()[path]), path: path, golden: Self.golden)
    }

    static let templatePage = """
        -- Content/site.yml --
        title: Golden report
        -- Content/index.md --
        ---
        title: Home
        ---
        Read about [Meta](companies/[company=Meta].md).
        -- Content/companies/[company].md --
        ---
        title: "{company}: plans against spending"
        summary: "What {company} planned, from {hq}."
        rows: capex
        ---
        `=@company` planned `=capex.plan_usd_b[company=@company][last]|usd_b` most recently.

        ```table
        data: capex
        where: {company: "@company"}
        columns: [year, plan_usd_b]
        ```
        -- Content/data/capex.csv --
        company,year,plan_usd_b,hq
        Meta,2024,40,Menlo Park
        Alphabet,2024,52,Mountain View
        Meta,2025,65,Menlo Park
        -- Content/data/capex.meta.yml --
        units: {plan_usd_b: USD billions}
        """

    /// One page a template makes, byte for byte, in `Golden/template-page/`.
    @Test func aTemplatePageMatchesTheGoldenFile() throws {
        let fixture = try SiteFixture(Self.templatePage)
        defer { fixture.remove() }
        try fixture.build()
        let path = "companies/meta.html"
        try Self.compare(
            try #require(fixture.tree()[path]), path: path,
            golden: Self.golden.deletingLastPathComponent().appendingPathComponent("template-page"))
    }

    /// `built` against its golden file in `golden`, or recorded there with `FOLIO_RECORD=1`.
    static func compare(_ built: [UInt8], path: String, golden: URL) throws {
        let goldenFile = golden.appendingPathComponent(path.replacingOccurrences(of: "/", with: "__"))
        if ProcessInfo.processInfo.environment["FOLIO_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
            try Data(built).write(to: goldenFile)
            return
        }
        let expected = try #require(FileManager.default.contents(atPath: goldenFile.path), "no golden file; record with FOLIO_RECORD=1")
        let changed = goldenFile.deletingPathExtension().appendingPathExtension("changed." + goldenFile.pathExtension)
        if Array(expected) != built {
            try Data(built).write(to: changed)
            Issue.record("\(path) differs from its golden file; see \(changed.lastPathComponent)")
        } else {
            try? FileManager.default.removeItem(at: changed)
        }
    }
}
