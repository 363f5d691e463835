import FolioContent
import FolioCore
import FolioYAML
import Testing

typealias SourceLocation = FolioCore.SourceLocation

@Suite struct FrontMatterTests {
    @Test func splitsFrontMatterFromTheBodyAndCountsItsLines() throws {
        let split = try FrontMatter.split(Array("---\ntitle: A\nsummary: B\n---\nBody\n".utf8), path: "a.md")
        #expect(split.yaml == "title: A\nsummary: B\n")
        #expect(split.body == Array("Body\n".utf8))
        #expect(split.bodyLineOffset == 4)
    }

    @Test func acceptsCRLFAndABOM() throws {
        let split = try FrontMatter.split([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: A\r\n---\r\nBody".utf8), path: "a.md")
        #expect(split.body == Array("Body".utf8))
    }

    @Test func missingOrUnclosedFrontMatterIsAnError() {
        #expect(throws: Diagnostic(at: SourceLocation(path: "a.md"), ContentIssue.missingFrontMatter)) {
            try FrontMatter.split(Array("# No front matter".utf8), path: "a.md")
        }
        #expect(throws: Diagnostic(at: SourceLocation(path: "a.md"), ContentIssue.unclosedFrontMatter)) {
            try FrontMatter.split(Array("---\ntitle: A\n".utf8), path: "a.md")
        }
    }
}

@Suite struct ArticleReaderTests {
    func read(_ text: String) throws -> Article {
        try ArticleReader.read(Array(text.utf8), path: "x/a.md", displayPath: "Content/x/a.md")
    }

    @Test func readsEveryKnownKeyAndKeepsTheRestAsParams() throws {
        let article = try read(
            """
            ---
            title: Losses grew
            summary: Short.
            date: 2025-03-28
            updated: 2025-04-01
            layout: wide
            order: 3
            draft: true
            sources:
              - {title: S-1, url: "https://sec.gov", date: 2025-03-03}
              - Reuters
            nav_title: Losses
            ---
            Body
            """)
        #expect(article.title == "Losses grew")
        #expect(article.summary == "Short.")
        #expect(article.date?.description == "2025-03-28")
        #expect(article.updated?.longText == "1 April 2025")
        #expect(article.layout == "wide")
        #expect(article.order == 3)
        #expect(article.draft)
        #expect(
            article.sources == [
                Source(title: "S-1", url: "https://sec.gov", date: "2025-03-03"), Source(title: "Reuters"),
            ])
        #expect(article.params.map(\.key) == ["nav_title"])
        #expect(article.outputPath == "x/a.html")
        #expect(article.bodyLineOffset == 13)
    }

    @Test func everyProblemIsReportedAtItsValue() {
        do throws(Diagnostics) {
            _ = try ArticleReader.read(
                Array("---\ndate: 2025-13-01\norder: first\ndraft: yes\n---\n".utf8), path: "x/a.md", displayPath: "Content/x/a.md")
            Issue.record("no error")
        } catch {
            #expect(
                error.all == [
                    Diagnostic(
                        at: SourceLocation(path: "Content/x/a.md", line: 2, column: 1),
                        YAMLIssue.missingKey(in: "front matter", key: "title")),
                    Diagnostic(
                        at: SourceLocation(path: "Content/x/a.md", line: 2, column: 7),
                        ContentIssue.invalidDate(key: "date", value: "2025-13-01")),
                    Diagnostic(
                        at: SourceLocation(path: "Content/x/a.md", line: 3, column: 8),
                        YAMLIssue.wrongType(in: "front matter", key: "order", expected: "a whole number")),
                    Diagnostic(
                        at: SourceLocation(path: "Content/x/a.md", line: 4, column: 8),
                        YAMLIssue.wrongType(in: "front matter", key: "draft", expected: "true or false")),
                ])
        }
    }
}

extension ArticleReaderTests {
    @Test func sourcesAreReadByTheOneSourceRule() {
        let text = """
            ---
            title: T
            sources:
              - [a]
              - {url: "https://x.org"}
              - {title: S, link: x}
              - ~
            ---
            """
        do throws(Diagnostics) {
            _ = try ArticleReader.read(Array(text.utf8), path: "x/a.md", displayPath: "Content/x/a.md")
            Issue.record("no error")
        } catch {
            func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(path: "Content/x/a.md", line: line, column: column) }
            #expect(
                error.all == [
                    Diagnostic(
                        at: at(4, 5), YAMLIssue.wrongType(in: "front matter", key: "sources", expected: "text or {title, url, date}")),
                    Diagnostic(at: at(5, 5), YAMLIssue.missingKey(in: "front matter source", key: "title")),
                    Diagnostic(
                        at: at(6, 16), YAMLIssue.unknownKey(in: "front matter source", key: "link", known: ["title", "url", "date"])),
                    Diagnostic(
                        at: at(7, 5), YAMLIssue.wrongType(in: "front matter", key: "sources", expected: "text or {title, url, date}")),
                ])
        }
    }
}

@Suite struct SiteConfigTests {
    @Test func readsTheSiteSettings() throws {
        let config = try SiteConfig.read(
            "title: R\nlanguage: de\nbase_url: https://x.org/r/\nunsafe_html: true\nnav: [b.md, a.md]\ndata_as_of: 2025-03-31\n",
            path: "Content/site.yml")
        #expect(config.title == "R")
        #expect(config.language == "de")
        #expect(config.baseURL == "https://x.org/r")
        #expect(config.unsafeHTML)
        #expect(config.nav?.map(\.path) == ["b.md", "a.md"])
        #expect(config.params.map(\.key) == ["data_as_of"])
    }

    @Test func aSiteWithoutATitleOrWithWrongTypesIsAnError() {
        do throws(Diagnostics) {
            _ = try SiteConfig.read("language: [en]\nnav: [a.md, {b: c}]\nunsafe_html: yes\n", path: "Content/site.yml")
            Issue.record("no error")
        } catch {
            func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(path: "Content/site.yml", line: line, column: column) }
            #expect(
                error.all == [
                    Diagnostic(at: at(1, 1), YAMLIssue.missingKey(in: "site.yml", key: "title")),
                    Diagnostic(at: at(1, 11), YAMLIssue.wrongType(in: "site.yml", key: "language", expected: "text")),
                    Diagnostic(at: at(2, 13), YAMLIssue.wrongType(in: "site.yml", key: "nav", expected: "a list of article paths")),
                    Diagnostic(at: at(3, 14), YAMLIssue.wrongType(in: "site.yml", key: "unsafe_html", expected: "true or false")),
                ])
        }
    }
}

@Suite struct ISODateTests {
    @Test func onlyRealCalendarDatesParse() {
        #expect(ISODate("2024-02-29")?.description == "2024-02-29")
        #expect(ISODate("2025-02-29") == nil)
        #expect(ISODate("2025-3-01") == nil)
        #expect(ISODate("２０２５-03-01") == nil)
        #expect(ISODate("2025-03-28")?.longText == "28 March 2025")
    }

    @Test func chinesePagesReadDatesWithYearMonthAndDay() {
        #expect(ISODate("2025-03-28")?.longText(language: "zh") == "2025年3月28日")
        #expect(ISODate("2025-12-01")?.longText(language: "zh-Hans") == "2025年12月1日")
        #expect(ISODate("2025-03-28")?.longText(language: "en") == "28 March 2025")
    }
}
