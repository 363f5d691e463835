import FolioBlocks
import FolioCharts
import FolioData
import FolioTestSupport

/// Block renderers without a site describe charts in the default theme's English chart words.
extension BlockRenderer {
    init(datasets: DatasetLibrary, chartTypes: ChartCatalog = .standard, queries: (any DatasetQuerying)? = nil, language: String = "en") {
        self.init(
            datasets: datasets, chartTypes: chartTypes, queries: queries, language: language,
            chartWords: ShippedChartWords.english)
    }
}
