import FolioContent
import FolioCore
import FolioMarkdown
import Synchronization

/// Renders one page's chart and table blocks and inline values, and keeps the files they add.
/// (Until the Blocks stage lands, fenced blocks and code spans stay as they are.)
final class PageBlocks: Sendable {
    struct Made: Sendable {
        var charts = 0
        var tables = 0
        var files: [OutputFile] = []
    }

    let article: Article
    private let made = Mutex(Made())

    init(article: Article) { self.article = article }

    func fencedBlock(_ block: FencedBlock) throws -> String? { nil }

    func inlineCode(_ code: InlineCode) throws -> String? { nil }

    func finished() -> Made { made.withLock { $0 } }
}
