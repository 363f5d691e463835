import FolioBlocks
import FolioContent
import FolioCore
import FolioMarkdown
import Synchronization

/// Renders one page's chart and table blocks and inline values, numbering its charts in
/// document order and keeping the files they add.
final class PageBlocks: Sendable {
    struct Made: Sendable {
        var charts = 0
        var tables = 0
        var files: [OutputFile] = []
        /// The datasets read by the page's blocks and inline values.
        var datasets: Set<String> = []
        /// Inline value as written → the text it showed.
        var values: [String: String] = [:]
        /// Chart id → its numbers; chart id → its title.
        var chartNumbers: [String: [[String]]] = [:]
        var chartTitles: [String: String] = [:]
        /// `table N (dataset)` → a hash of the table's HTML, to report tables whose numbers changed.
        var tableDigests: [String: String] = [:]
    }

    let article: Article
    let renderer: BlockRenderer
    private let made = Mutex(Made())

    init(article: Article, renderer: BlockRenderer) {
        self.article = article
        self.renderer = renderer
    }

    func fencedBlock(_ block: FencedBlock) throws -> String? {
        switch block.info.split(separator: " ").first {
        case "chart":
            let number = made.withLock { made in
                made.charts += 1
                return made.charts
            }
            let request = try BlockParser.chart(block.body, at: block.location, types: renderer.chartTypes)
            record(request.data)
            let rendered = try renderer.chart(request, pagePath: article.outputPath, number: number)
            made.withLock {
                $0.files += rendered.files.map { OutputFile(path: $0.path, text: $0.text) }
                $0.chartNumbers["chart-\(number)"] = rendered.numbers
                $0.chartTitles["chart-\(number)"] = "'\(request.title)'" + Self.datasetNote(request.data)
            }
            return rendered.html
        case "table":
            let request = try BlockParser.table(block.body, at: block.location)
            record(request.data)
            let html = try renderer.table(request)
            made.withLock {
                $0.tables += 1
                $0.tableDigests["table \($0.tables)" + Self.datasetNote(request.data)] = ContentHash.of(html)
            }
            return html
        default:
            return nil
        }
    }

    func inlineCode(_ code: InlineCode) throws -> String? {
        guard let expression = try InlineValueExpression.parse(code.code, at: code.location) else { return nil }
        made.withLock { _ = $0.datasets.insert(expression.dataset) }
        let value = try renderer.inlineValue(expression, at: code.location)
        made.withLock { $0.values[code.code] = value.text }
        return value.html
    }

    /// ` (dataset)` after a chart's title in the change report; nothing for inline CSV.
    static func datasetNote(_ data: DataReference) -> String {
        if case .dataset(let name, _) = data { return " (\(name))" }
        return ""
    }

    private func record(_ data: DataReference) {
        if case .dataset(let name, _) = data { made.withLock { _ = $0.datasets.insert(name) } }
    }

    func finished() -> Made { made.withLock { $0 } }
}
