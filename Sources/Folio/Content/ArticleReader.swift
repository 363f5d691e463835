import FolioCore
import FolioYAML

/// Reads an article's front matter into an `Article`, collecting every problem in it.
public enum ArticleReader {
    /// `bytes` must already be valid UTF-8. `path` is inside Content/, `displayPath` is for errors.
    public static func read(_ bytes: [UInt8], path: String, displayPath: String) throws(Diagnostics) -> Article {
        let split: FrontMatter.Split
        let yaml: YAMLValue?
        do {
            split = try FrontMatter.split(bytes, path: displayPath)
            yaml = try YAMLReader.read(split.yaml, path: displayPath, lineOffset: 1)
        } catch {
            throw Diagnostics([error])
        }
        let start = SourceLocation(path: displayPath, line: 2, column: 1)
        guard let entries = yaml?.entries else {
            let found = yaml?.kindName ?? "empty"
            throw Diagnostics([Diagnostic(at: yaml?.location ?? start, ContentIssue.frontMatterNotMapping(found: found))])
        }
        var problems = DiagnosticCollector()
        var article = Article(
            path: path, displayPath: displayPath, title: "", summary: nil, date: nil, updated: nil,
            layout: "page", layoutLocation: start, order: nil, draft: false, sources: [], params: [],
            body: split.body, bodyLineOffset: split.bodyLineOffset)
        var sawTitle = false
        for entry in entries {
            problems.capture { () throws(Diagnostic) in
                switch entry.key {
                case "title":
                    article.title = try FieldReader.text(entry)
                    sawTitle = true
                case "summary": article.summary = try FieldReader.text(entry)
                case "date": article.date = try FieldReader.date(entry)
                case "updated": article.updated = try FieldReader.date(entry)
                case "layout":
                    article.layout = try FieldReader.text(entry)
                    article.layoutLocation = entry.value.location
                case "order": article.order = try FieldReader.integer(entry)
                case "draft": article.draft = try FieldReader.bool(entry)
                case "sources":
                    article.sources = try FieldReader.list(entry).map { (item) throws(Diagnostic) in try SourceReference(yaml: item) }
                default: article.params.append(entry)
                }
            }
        }
        if !sawTitle { problems.add(Diagnostic(at: start, ContentIssue.missingTitle)) }
        try problems.throwIfAny()
        return article
    }
}

/// Typed reads of front-matter and config values, each failing with the key's location.
enum FieldReader {
    static func text(_ entry: YAMLEntry) throws(Diagnostic) -> String {
        guard let text = entry.value.text, !entry.value.isNull else {
            throw Diagnostic(at: entry.value.location, ContentIssue.wrongType(key: entry.key, expected: "text"))
        }
        return text
    }

    static func bool(_ entry: YAMLEntry) throws(Diagnostic) -> Bool {
        guard let value = entry.value.bool else {
            throw Diagnostic(at: entry.value.location, ContentIssue.wrongType(key: entry.key, expected: "true or false"))
        }
        return value
    }

    static func integer(_ entry: YAMLEntry) throws(Diagnostic) -> Int {
        guard case .scalar(let text, plain: true, _) = entry.value, let value = Int(text), text.allSatisfy(\.isASCII) else {
            throw Diagnostic(at: entry.value.location, ContentIssue.wrongType(key: entry.key, expected: "a whole number"))
        }
        return value
    }

    static func date(_ entry: YAMLEntry) throws(Diagnostic) -> ISODate {
        let text = try text(entry)
        guard let date = ISODate(text) else {
            throw Diagnostic(at: entry.value.location, ContentIssue.invalidDate(key: entry.key, value: text))
        }
        return date
    }

    static func list(_ entry: YAMLEntry) throws(Diagnostic) -> [YAMLValue] {
        guard let items = entry.value.items else {
            throw Diagnostic(at: entry.value.location, ContentIssue.wrongType(key: entry.key, expected: "a list"))
        }
        return items
    }
}
