import FolioBlocks
import FolioContent
import FolioCore
import FolioMarkdown

/// An article as a build holds it: parsed now, or known by its outline from the last build.
/// A class, so the many lists of pages a build makes share one copy of each.
final class LoadedArticle: Sendable {
    let article: Article
    let file: ProjectSnapshot.ArticleFile
    /// The hash of the file, and of its front matter alone (menus, links and feeds read only that).
    let hash: String
    let frontMatterHash: String
    /// False when `article` holds only the outline: not read this build, or its body let go to keep
    /// memory bounded. Rendering it reads the file again.
    let isWhole: Bool

    init(article: Article, file: ProjectSnapshot.ArticleFile, hash: String, frontMatterHash: String, isWhole: Bool) {
        self.article = article
        self.file = file
        self.hash = hash
        self.frontMatterHash = frontMatterHash
        self.isWhole = isWhole
    }

    /// An article known by the last build's record of it, not read.
    convenience init(outline: ArticleOutline, file: ProjectSnapshot.ArticleFile, hash: String, frontMatterHash: String) {
        self.init(article: Article(outline: outline), file: file, hash: hash, frontMatterHash: frontMatterHash, isWhole: false)
    }

    /// The file's bytes read again, which must be those it was loaded from.
    func readAgain() throws(Diagnostics) -> [UInt8] {
        let bytes: [UInt8]
        do throws(Diagnostic) {
            bytes = try ProjectReader.read(file)
        } catch {
            throw Diagnostics([error])
        }
        guard ContentHash.of(bytes) == hash else {
            throw Diagnostics([Diagnostic(at: SourceLocation(path: file.displayPath), SiteIssue.changedDuringBuild)])
        }
        return bytes
    }

    /// The record the next build keeps of it (`ProjectReader.record`).
    func inputRecord(listedAt time: Int) -> BuildState.InputRecord {
        ProjectReader.record(
            size: file.size, stamp: file.stamp, hash: hash,
            article: BuildState.ArticleRecord(outline: article.outline, frontMatterHash: frontMatterHash), listedAt: time)
    }
}

/// An article on its way to becoming a page.
struct Page: Sendable {
    var loaded: LoadedArticle
    /// A page made from data: its template's rows for its value (SPEC §2); nil for a written page.
    var bindings: RowBindings? = nil
    var article: Article { loaded.article }
    var outputPath: String { article.outputPath }
    /// The language of a translation (its pages are under its folder); nil for the main language's.
    var translation: String? = nil
    /// The home page of its language: `index.md`, or `zh/index.md` for a translation into zh.
    var isIndex: Bool { article.path == (translation.map { $0 + "/" } ?? "") + "index.md" }

    /// The page with its whole article, read again when only its outline was held.
    func whole() throws(Diagnostics) -> Page {
        guard !loaded.isWhole else { return self }
        let bytes = try loaded.readAgain()
        let article = try ArticleParsing.parse(bytes, file: loaded.file, as: loaded.article.path)
        var page = self
        page.loaded = LoadedArticle(
            article: article, file: loaded.file, hash: loaded.hash, frontMatterHash: loaded.frontMatterHash, isWhole: true)
        return page
    }
}

/// A page whose Markdown has been rendered, with what its blocks made.
struct RenderedPage: Sendable {
    var page: Page
    var markdown: RenderedMarkdown
    var made: PageMade
}

/// What a page's blocks and inline values made beside its HTML.
struct PageMade: Sendable {
    /// Chart SVGs and CSVs, with their paths.
    var files: [OutputFile] = []
    /// The datasets read by the page's blocks and inline values.
    var datasets: Set<String> = []
    /// What each block and inline value showed, in document order.
    var records: [BlockRecord] = []
    /// The sources per row its inline values cite, in order of first use.
    var sources: [Source] = []
}
