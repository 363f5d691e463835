import Folio
import Foundation
import Testing

/// The words of chart descriptions are theme words (SPEC §8): `chart_*` in `Templates/i18n/LANG.yml`.
@Suite struct ChartWordsSiteTests {
    /// The default theme's English words, as shipped, line by line.
    static var english: [Substring] {
        String(decoding: Scaffold.themeFiles.first { $0.path == "i18n/en.yml" }?.bytes ?? [], as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test func aChartWordALanguageLacksIsAnErrorNamingTheWordAndTheLanguage() throws {
        // The two-language site in French, whose words are the English ones but for one chart word.
        let french = LanguageSiteTests.project.replacingOccurrences(of: "  zh: {", with: "  fr: {")
            .replacingOccurrences(of: ".zh.md", with: ".fr.md")
        let site = try SiteFixture(french)
        defer { site.remove() }
        let words = Self.english.filter { !$0.hasPrefix("chart_span:") }
        #expect(words.count == Self.english.count - 1)
        try site.write("Templates/i18n/fr.yml", words.joined(separator: "\n"))
        site.expectOneMissingWord("chart_span", language: "fr")
    }

    @Test func anAuthorsChartWordIsTheOneTheDescriptionSays() throws {
        let site = try SiteFixture(LanguageSiteTests.numbers)
        defer { site.remove() }
        // Over the default theme's words: only this one changes.
        try site.write("Templates/i18n/en.yml", "chart_span: \"{0} companies, {1} first and {2} last.\"\n")
        try site.build()
        let said = "2 companies, Meta first and Microsoft last. Highest $80B (Microsoft)"
        #expect(site.read("Output/charts/index.chart-1.svg").contains(said))
        #expect(site.read("Output/index.html").contains(said))
        #expect(!site.read("Output/index.html").contains("2 values, Meta to Microsoft"))
        #expect(site.read("Output/charts/zh/index.chart-1.svg").contains("共2个数值，从Meta到Microsoft。"))
    }
}
