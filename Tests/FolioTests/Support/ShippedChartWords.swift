import FolioCharts
import FolioYAML
import Foundation

/// The chart words the default theme ships (`Templates/i18n/LANG.yml`), for charts drawn without a site.
public enum ShippedChartWords {
    /// English, read once.
    public static let english = of("en")
    /// Chinese, read once.
    public static let chinese = of("zh")

    /// The `chart_*` words of the default theme's `LANG.yml`; none when it cannot be read.
    public static func of(_ language: String) -> ChartWords {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Templates/i18n/\(language).yml").standardized
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let entries = (try? YAMLReader.read(text, path: file.path))?.entries ?? []
        return ChartWords(Dictionary(entries.compactMap { entry in entry.value.nonNullText.map { (entry.key, $0) } }) { first, _ in first })
    }
}
