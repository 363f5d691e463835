import FolioFormat
import FolioTestSupport
import Testing

@testable import FolioCharts

/// The words of chart descriptions are the theme's chart words of the page's language (SPEC §8).
@Suite struct ChartWordsTests {
    @Test func slotsAreFilledInOnePassAndAValueIsNeverReadAsASlot() {
        #expect(ChartWords.fill("{0} to {1}", "{1}", "b") == "{1} to b")
        #expect(ChartWords.fill("{2} stays", "a") == "{2} stays")
    }

    @Test func aChineseChartIsDescribedInChinese() {
        var spec = ChartFixtures.bar
        spec.format = spec.format.written(in: .chinese)
        spec.words = ShippedChartWords.chinese
        let rendered = ChartRenderer.render(spec, id: "chart-1")
        #expect(rendered.description.contains("个数值，从"))
        #expect(rendered.description.contains("最高") && rendered.description.contains("最新"))
        #expect(!rendered.description.contains("Highest"))
        let english = ChartRenderer.render(ChartFixtures.bar, id: "chart-1")
        #expect(english.description.contains("Highest") && english.description.contains(" values, "))
    }

    @Test func aLongListEndsWithHowManyMoreInItsLanguage() {
        let items = (1...8).map { "item \($0)" }
        #expect(ChartSummary.list(items, words: ShippedChartWords.english) == "item 1, item 2, item 3, item 4, item 5, item 6 and 2 more")
        #expect(
            ChartSummary.list(items, words: ShippedChartWords.chinese)
                == "item 1，item 2，item 3，item 4，item 5，item 6，另有2项")
    }
}
