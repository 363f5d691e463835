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
            let rendered = try renderer.chart(block.body, at: block.location, pagePath: article.outputPath, number: number)
            made.withLock { $0.files += rendered.files.map { OutputFile(path: $0.path, text: $0.text) } }
            return rendered.html
        case "table":
            let html = try renderer.table(block.body, at: block.location)
            made.withLock { $0.tables += 1 }
            return html
        default:
            return nil
        }
    }

    func inlineCode(_ code: InlineCode) throws -> String? {
        try renderer.inlineValue(code.code, at: code.location)
    }

    func finished() -> Made { made.withLock { $0 } }
}
