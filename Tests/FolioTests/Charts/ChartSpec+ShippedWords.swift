import FolioCharts
import FolioFormat
import FolioTestSupport

/// Charts drawn without a site, in the default theme's English chart words.
extension ChartSpec {
    init(
        type: ChartType, title: String, subtitle: String? = nil, categories: [String], series: [ChartSeries],
        format: NumberFormat = NumberFormat(.number), labels: Bool = false, annotations: [ChartAnnotation] = [], total: String? = nil,
        source: ChartSource? = nil, note: String? = nil, namesPoints: Bool = false
    ) {
        self.init(
            type: type, title: title, subtitle: subtitle, categories: categories, series: series, format: format, labels: labels,
            annotations: annotations, total: total, source: source, note: note, namesPoints: namesPoints, words: ShippedChartWords.english)
    }

    static func range(
        title: String, subtitle: String? = nil, categories: [String], low: [Double?], high: [Double?], format: NumberFormat,
        labels: Bool = true, source: ChartSource? = nil, note: String? = nil
    ) -> ChartSpec {
        range(
            title: title, subtitle: subtitle, categories: categories, low: low, high: high, format: format, labels: labels, source: source,
            note: note, words: ShippedChartWords.english)
    }
}
