import FolioCore
import Foundation

/// One article of the print document: its anchor in the document, its title and its content,
/// whose ids and links `PrintDocument.anchored` made document-wide.
public struct PrintArticle: Sendable, Equatable {
    public var anchor: String
    public var title: String
    public var html: String

    public init(anchor: String, title: String, html: String) {
        self.anchor = anchor
        self.title = title
        self.html = html
    }
}

/// What the cover shows, and the words of the print document in its language.
public struct PrintCover: Sendable, Equatable {
    public var title: String
    public var description: String?
    public var author: String?
    /// The data-as-of date as the page's language writes it, with its word (`Data as of`).
    public var dataAsOf: (word: String, date: String)?
    public var language: String
    /// The table of contents' heading (`Contents`).
    public var contentsWord: String
    /// `YYYY-MM-DD`, for the `dcterms` tags.
    public var date: String

    public init(
        title: String, description: String?, author: String?, dataAsOf: (word: String, date: String)?, language: String,
        contentsWord: String, date: String
    ) {
        self.title = title
        self.description = description
        self.author = author
        self.dataAsOf = dataAsOf
        self.language = language
        self.contentsWord = contentsWord
        self.date = date
    }

    public static func == (lhs: PrintCover, rhs: PrintCover) -> Bool {
        lhs.title == rhs.title && lhs.description == rhs.description && lhs.author == rhs.author
            && lhs.dataAsOf?.word == rhs.dataAsOf?.word && lhs.dataAsOf?.date == rhs.dataAsOf?.date && lhs.language == rhs.language
            && lhs.contentsWord == rhs.contentsWord && lhs.date == rhs.date
    }
}

/// The print-only HTML document WeasyPrint turns into the report's PDF (SPEC §9): a cover, a
/// table of contents whose page numbers WeasyPrint fills in (`target-counter`), then every article.
public enum PrintDocument {
    /// The anchor of the article at `path` (`zh/ipo.md` → `pdf-zh-ipo`), and of a place inside it.
    public static func anchor(forPath path: String, fragment: String? = nil) -> String {
        let stem = path.hasSuffix(".md") || path.hasSuffix(".html") ? String(path[..<(path.lastIndex(of: ".") ?? path.endIndex)]) : path
        let base = "pdf-" + Slug.make(stem)
        guard let fragment, !fragment.isEmpty else { return base }
        return base + "--" + fragment
    }

    /// An article's content with its ids and in-page links made document-wide: `id="x"` →
    /// `id="ANCHOR--x"`, `href="#x"` → `href="#ANCHOR--x"`; links to other articles
    /// (`#pdf-…`, made by the link resolver) are kept.
    public static func anchored(_ html: String, anchor: String) -> String {
        var text = html.replacingOccurrences(of: " id=\"", with: " id=\"\(anchor)--")
        var output = ""
        var rest = text[...]
        while let found = rest.firstRange(of: "href=\"#") {
            output += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            if !rest.hasPrefix("pdf-") { output += anchor + "--" }
        }
        text = output + rest
        return text
    }

    /// A chart as print shows it: its print SVG, which draws its title, subtitle and source line
    /// itself, so they stay together on one page.
    public static func chartFigure(title: String, image: String) -> String {
        "<figure class=\"print-chart\"><img src=\"\(Escape.html(image))\" alt=\"\(Escape.html(title))\"></figure>\n"
    }

    public static func html(cover: PrintCover, articles: [PrintArticle]) -> String {
        var html = """
            <!doctype html>
            <html lang="\(Escape.html(cover.language))">
            <head>
            <meta charset="utf-8">
            <title>\(Escape.html(cover.title))</title>
            <meta name="dcterms.created" content="\(cover.date)">
            <meta name="dcterms.modified" content="\(cover.date)">

            """
        if let author = cover.author { html += "<meta name=\"author\" content=\"\(Escape.html(author))\">\n" }
        if let description = cover.description { html += "<meta name=\"description\" content=\"\(Escape.html(description))\">\n" }
        html += "<style>\n\(PrintStylesheet.css)</style>\n</head>\n<body>\n"
        html += "<section class=\"cover\">\n<h1 class=\"report-title\">\(Escape.html(cover.title))</h1>\n"
        if let description = cover.description { html += "<p class=\"report-description\">\(Escape.html(description))</p>\n" }
        if let author = cover.author { html += "<p class=\"report-author\">\(Escape.html(author))</p>\n" }
        if let dataAsOf = cover.dataAsOf {
            html += "<p class=\"report-date\">\(Escape.html(dataAsOf.word)) \(Escape.html(dataAsOf.date))</p>\n"
        }
        html += "</section>\n<nav class=\"contents\">\n<h2>\(Escape.html(cover.contentsWord))</h2>\n<ol>\n"
        for article in articles {
            html += "<li><a href=\"#\(article.anchor)\">\(Escape.html(article.title))</a></li>\n"
        }
        html += "</ol>\n</nav>\n"
        for article in articles {
            html += "<article class=\"print-article\" id=\"\(article.anchor)\">\n"
            html += "<h1 class=\"article-title\">\(Escape.html(article.title))</h1>\n\(article.html)\n</article>\n"
        }
        return html + "</body>\n</html>\n"
    }
}
