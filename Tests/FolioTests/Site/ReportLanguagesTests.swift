import Folio
import FolioCore
import Foundation
import Testing

/// The report's Chinese edition (issue 17): every page in both languages, built under `zh/`, its own claims
/// following the same data, and no number typed in its prose.
@Suite struct ReportLanguagesTests {
    @Test func everyEnglishPageHasAChineseVersionBuiltUnderZh() throws {
        let report = try BuiltReport()
        defer { report.remove() }
        let english = try FileManager.default.contentsOfDirectory(atPath: report.content.path)
            .filter { $0.hasSuffix(".md") && !BuiltReport.isTranslation($0) }.sorted()
        let chinese = try report.translations()
        try #require(english.contains("index.md") && english.count > 1)
        #expect(chinese == english.map { String($0.dropLast(".md".count)) + ".zh.md" }, "the editions drifted apart")
        let built = try report.pagesInEveryLanguage()
        for name in english {
            let page = String(name.dropLast(".md".count)) + ".html"
            #expect(built.contains("zh/\(page)"), "\(name) has no Chinese page")
            let html = try report.page("zh/\(page)")
            #expect(html.contains("<html lang=\"zh\""), "zh/\(page) is not marked as Chinese")
            #expect(try report.page(page).contains("<html lang=\"en\""), "\(page) is not marked as English")
            // Both editions link to each other.
            #expect(html.contains("hreflang=\"en\""), "zh/\(page) does not link to its English version")
        }
    }

    /// Articles in folders count too: the hyperscalers' pages made from data (`companies/[company].md`).
    @Test func everyArticleInAFolderHasAChineseVersionAndItsPagesAreBuilt() throws {
        let report = try BuiltReport()
        defer { report.remove() }
        let content = report.content.standardizedFileURL.path
        let walker = try #require(FileManager.default.enumerator(atPath: content))
        let nested = walker.compactMap { $0 as? String }.filter { $0.contains("/") && !$0.hasPrefix("data/") && $0.hasSuffix(".md") }
        let english = nested.filter { !BuiltReport.isTranslation($0) }.sorted()
        try #require(english.contains("companies/[company].md"))
        for path in english {
            let translation = String(path.dropLast(".md".count)) + ".zh.md"
            #expect(nested.contains(translation), "\(path) has no Chinese version")
        }
        let companies = try report.everyPage().filter { $0.hasPrefix("companies/") }
        try #require(!companies.isEmpty)
        for page in companies {
            let html = try report.page("zh/" + page)
            #expect(html.contains("<html lang=\"zh\""), "zh/\(page) is not marked as Chinese")
            #expect(html.contains("亿美元"), "zh/\(page) does not write its figures the Chinese way")
        }
    }

    @Test func theChinesePagesTypeNoNumbers() throws {
        let folder = BuiltReport.repository.appendingPathComponent("Content")
        let typed = try TypedNumbers.find(inArticlesOf: folder).filter { BuiltReport.isTranslation($0.file) }
        #expect(typed.isEmpty, "numbers typed in the Chinese pages:\n\(typed.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyChineseChartAndTableHeaderIsInChinese() throws {
        let report = try BuiltReport()
        defer { report.remove() }
        // labels_zh in the sidecars name the columns on Chinese pages.
        let html = try report.page("zh/losses-and-debt.html")
        #expect(html.contains("<th scope=\"col\" class=\"num\">净亏损</th>"))
        #expect(!html.contains(">Net loss<"), "an English column name on a Chinese page")
    }

    /// A data update that makes a Chinese sentence false stops the build at its claim in the `.zh.md` file.
    @Test func aLossThatShrinksStopsTheBuildAtTheChineseClaim() throws {
        let report = try BuiltReport()
        defer { report.remove() }
        let article = "losses-and-debt.zh.md"
        let published = try report.page("zh/losses-and-debt.html")
        let loss2024 = try #require(Double(try report.cells(of: ReportDataUpdateTests.netLoss("2024"))[0]))
        try report.setCells(of: ReportDataUpdateTests.netLoss("2025"), to: [String(loss2024 / 2)])
        let text = "以美元计，净亏损一年比一年大"
        let block = try #require(try report.claimBlocks(in: article).first { $0.text == text })
        var failures: [Diagnostic] = []
        do {
            _ = try Build.run(ProjectLayout(base: report.root))
        } catch {
            failures = error.all
        }
        let failure = try #require(failures.first { $0.message.contains("\"\(text)\"") }, "\(failures)")
        #expect(failure.location.path.hasSuffix("Content/\(article)") && failure.location.line == block.line, "\(failure)")
        #expect(failure.message.hasPrefix("claim does not hold:"))
        #expect(try report.page("zh/losses-and-debt.html") == published, "a failed build replaced the published page")
    }
}
