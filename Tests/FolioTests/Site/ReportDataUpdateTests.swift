import Folio
import FolioCore
import FolioFormat
import Foundation
import Testing

/// The report after a data update (issue 12): a sum in the prose follows the quarter it adds up,
/// and an edit that makes a sentence false stops the build at that sentence's claim.
@Suite struct ReportDataUpdateTests {
    static let article = "losses-and-debt.md"
    static let page = "losses-and-debt.html"

    static func ebitda(_ quarter: String) -> KeyFigure {
        KeyFigure(page, "coreweave_quarterly", row: [("quarter", quarter)], columns: ["adjusted_ebitda_usd_m"], format: .usdM)
    }

    static func netLoss(_ year: String) -> KeyFigure {
        KeyFigure(page, "coreweave_financials", row: [("year", year)], columns: ["net_loss_usd_m"], format: .usdM)
    }

    @Test func aQuarterThatChangesMovesTheAnnualSumInTheProse() throws {
        let report = try BuiltReport()
        defer { report.remove() }
        let quarters = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
        let before = try quarters.map { try #require(Double(try report.cells(of: Self.ebitda($0))[0])) }.reduce(0, +)
        let third = try #require(Double(try report.cells(of: Self.ebitda("2025-Q3"))[0]))
        try report.setCells(of: Self.ebitda("2025-Q3"), to: [String(third + 100)])
        try report.build()
        let after = try quarters.map { try #require(Double(try report.cells(of: Self.ebitda($0))[0])) }.reduce(0, +)
        #expect(abs(after - before - 100) < 1e-6)
        let shown = NumberFormat(.usdM).format(after)
        let html = try report.page(Self.page)
        #expect(html.contains(">\(shown)</data>"), "the page does not show the new 2025 sum \(shown)")
        #expect(!html.contains(">\(NumberFormat(.usdM).format(before))</data>") || shown == NumberFormat(.usdM).format(before))
    }

    @Test func aLossThatShrinksMakesTheEveryYearSentenceFailAtItsClaim() throws {
        let report = try BuiltReport()
        defer { report.remove() }
        let published = try report.page(Self.page)
        let loss2024 = try #require(Double(try report.cells(of: Self.netLoss("2024"))[0]))
        // A 2025 loss smaller in dollars than 2024's: "larger in dollars every year" is now false.
        try report.setCells(of: Self.netLoss("2025"), to: [String(loss2024 / 2)])
        let claims = try report.claimBlocks(in: Self.article)
        let block = try #require(claims.first { $0.text == "The net loss was larger in dollars every year" })
        var failures: [Diagnostic] = []
        do {
            _ = try Build.run(ProjectLayout(base: report.root))
        } catch {
            failures = error.all
        }
        let failure = try #require(failures.first { $0.message.contains("\"The net loss was larger in dollars every year\"") })
        #expect(failure.location.path.hasSuffix("Content/\(Self.article)") && failure.location.line == block.line, "\(failure)")
        #expect(failure.message.hasPrefix("claim does not hold:"))
        #expect(try report.page(Self.page) == published, "a failed build replaced the published page")
    }

    /// The method page says what the prose types by hand, and it stays true (issue 12).
    @Test func theMethodPageStatesWhatTheProseTypesAndItIsTrue() throws {
        let typed = try TypedNumbers.find(inArticlesOf: BuiltReport.repository.appendingPathComponent("Content"))
        let method = try String(
            contentsOf: BuiltReport.repository.appendingPathComponent("Content/method-and-sources.md"), encoding: .utf8)
        if typed.isEmpty {
            #expect(method.contains("types no number by hand"), "the method page should say the prose types no number")
        } else {
            #expect(!method.contains("types no number by hand"), "the method page says no number is typed, but \(typed) are")
            for number in typed { #expect(method.contains(number.text), "the method page does not list \(number)") }
        }
    }
}
