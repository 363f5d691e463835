import FolioCore
import Mustache

/// HTML escaping one Unicode scalar at a time. swift-mustache's own HTML type escapes per
/// grapheme, which lets a `"` followed by a combining mark through unescaped.
struct ScalarHTMLContentType: MustacheContentType {
    static let name = "FOLIO_HTML"
    /// Put on a line of its own before every template as it is loaded (a standalone tag: it adds no output).
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    /// Registers the content type once, before any template is parsed.
    static let registered: Void = MustacheContentTypes.register(ScalarHTMLContentType(), named: name)

    func escapeText(_ text: String) -> String { Escape.html(text) }
}
