import FolioCore
import FolioYAML

/// Reads an article's front matter into an `Article`, collecting every problem in it.
public enum ArticleReader {
    /// The keys folio reads; any other key is kept for templates as `page.params`.
    public static let keys = ["title", "summary", "date", "updated", "layout", "order", "draft", "sources"]

    /// `bytes` must already be valid UTF-8. `path` is inside Content/, `displayPath` is for errors.
    public static func read(_ bytes: [UInt8], path: String, displayPath: String) throws(Diagnostics) -> Article {
        let (split, yaml) = try frontMatter(bytes, displayPath: displayPath)
        return try read(yaml, split: split, path: path, displayPath: displayPath)
    }

    /// The front matter's YAML, read but not yet checked, and the split it came from.
    public static func frontMatter(_ bytes: [UInt8], displayPath: String) throws(Diagnostics) -> (FrontMatter.Split, YAMLValue?) {
        do {
            let split = try FrontMatter.split(bytes, path: displayPath)
            return (split, try YAMLReader.read(split.yaml, path: displayPath, lineOffset: 1))
        } catch {
            throw Diagnostics([error])
        }
    }

    /// The article made from front matter already read (a template page's, its placeholders filled).
    public static func read(_ yaml: YAMLValue?, split: FrontMatter.Split, path: String, displayPath: String) throws(Diagnostics) -> Article
    {
        let start = SourceLocation(path: displayPath, line: 2, column: 1)
        var fields: YAMLFields
        do {
            fields = try YAMLFields(document: yaml, context: "front matter", start: start)
        } catch {
            throw Diagnostics([error])
        }
        let title = fields.text("title", required: true)
        if let title, title.allSatisfy({ $0.isWhitespace }) {
            fields.problems.add(Diagnostic(at: fields.valueLocation("title"), ContentIssue.emptyTitle))
        }
        let layout = fields.text("layout")
        var sources: [Source] = []
        for item in fields.list("sources") ?? [] {
            if let source = fields.source(item, of: "sources") { sources.append(source) }
        }
        let article = Article(
            path: path, displayPath: displayPath, title: title ?? "", summary: fields.text("summary"), date: date("date", in: &fields),
            updated: date("updated", in: &fields), layout: layout ?? "page",
            layoutLocation: layout == nil ? start : fields.valueLocation("layout"), order: fields.integer("order"),
            draft: fields.bool("draft") ?? false, sources: sources, params: fields.entries(otherThan: keys), body: split.body,
            bodyLineOffset: split.bodyLineOffset)
        try fields.throwIfAny()
        return article
    }

    /// An ISO date under `key`.
    private static func date(_ key: String, in fields: inout YAMLFields) -> ISODate? {
        guard let text = fields.text(key) else { return nil }
        guard let date = ISODate(text) else {
            fields.problems.add(Diagnostic(at: fields.valueLocation(key), ContentIssue.invalidDate(key: key, value: text)))
            return nil
        }
        return date
    }
}
