import FolioContent
import FolioCore
import FolioMarkdown
import Synchronization

/// Reads and parses articles, on every core; an article the last build recorded, unchanged since,
/// comes from its record without being read. Bodies are kept up to a budget, so a site of 100,000
/// articles does not hold them all: the rest are read again when their page is rendered.
final class ArticleLoader: Sendable {
    /// The bodies kept in memory at most, in bytes.
    static let bodyBudget = 16 << 20

    private let kept = Atomic<Int>(0)

    /// `path`: the path the article is built as (`SiteLanguages.path(ofFile:)`), its file's path when nil.
    func load(_ file: ProjectSnapshot.ArticleFile, as path: String? = nil) throws(Diagnostics) -> LoadedArticle {
        let path = path ?? file.path
        if let known = file.known, let record = known.article {
            var outline = record.outline
            outline.path = path
            return LoadedArticle(outline: outline, file: file, hash: known.hash, frontMatterHash: record.frontMatterHash)
        }
        let bytes: [UInt8]
        do throws(Diagnostic) {
            bytes = try ProjectReader.read(file)
        } catch {
            throw Diagnostics([error])
        }
        var article = try ArticleParsing.parse(bytes, file: file, as: path)
        let frontMatterHash = ContentHash.of(bytes.prefix(bytes.count - article.body.count))
        let total = kept.add(article.body.count, ordering: .relaxed).newValue
        let isWhole = total <= Self.bodyBudget
        if !isWhole { article = Article(outline: article.outline) }
        return LoadedArticle(article: article, file: file, hash: ContentHash.of(bytes), frontMatterHash: frontMatterHash, isWhole: isWhole)
    }
}

enum ArticleParsing {
    /// An article's bytes, checked as UTF-8 and parsed.
    static func parse(_ bytes: [UInt8], file: ProjectSnapshot.ArticleFile, as path: String) throws(Diagnostics) -> Article {
        if let bad = UTF8Validation.firstInvalid(in: bytes) {
            throw Diagnostics([
                Diagnostic(at: SourceLocation(path: file.displayPath, line: bad.line, column: bad.column), MarkdownIssue.invalidUTF8)
            ])
        }
        return try ArticleReader.read(bytes, path: path, displayPath: file.displayPath)
    }
}
