import CCmark
import FolioCore
import Foundation

/// Renders CommonMark through libcmark, handing fenced blocks, code spans and links to the
/// pipeline's hooks and putting what they return back into the tree as custom nodes.
/// The only file that talks to cmark.
public enum MarkdownRenderer {
    /// Larger articles are refused: some inputs make cmark 0.30 superlinear, and a cmark call cannot be interrupted.
    public static let maxBytes = 256 * 1024

    /// Renders `bytes` (the Markdown body of the file at `path`), collecting every hook's error.
    public static func render(
        _ bytes: [UInt8],
        path: String,
        options: MarkdownOptions = MarkdownOptions(),
        hooks: MarkdownHooks = .none
    ) throws(Diagnostics) -> RenderedMarkdown {
        let start = SourceLocation(path: path, line: 1 + options.lineOffset, column: 1)
        guard bytes.count <= maxBytes else {
            throw Diagnostics([Diagnostic(at: start, MarkdownIssue.tooLarge(bytes: bytes.count, limit: maxBytes))])
        }
        if let bad = UTF8Validation.firstInvalid(in: bytes) {
            let at = SourceLocation(path: path, line: bad.line + options.lineOffset, column: bad.column)
            throw Diagnostics([Diagnostic(at: at, MarkdownIssue.invalidUTF8)])
        }
        var cmarkOptions = CMARK_OPT_DEFAULT
        if options.smartPunctuation { cmarkOptions |= CMARK_OPT_SMART }
        if options.allowRawHTML { cmarkOptions |= CMARK_OPT_UNSAFE }
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, cmarkOptions) }
        }
        guard let document = parsed else {
            throw Diagnostics([Diagnostic(at: start, MarkdownIssue.parserFailed)])
        }
        defer { cmark_node_free(document) }

        var rewriter = TreeRewriter(path: path, options: options, hooks: hooks, cmarkOptions: cmarkOptions)
        let headings = rewriter.rewrite(document)
        if !rewriter.diagnostics.isEmpty { throw Diagnostics(rewriter.diagnostics) }
        guard let rendered = cmark_render_html(document, cmarkOptions) else {
            throw Diagnostics([Diagnostic(at: start, MarkdownIssue.parserFailed)])
        }
        defer { free(rendered) }
        return RenderedMarkdown(html: String(cString: rendered), headings: headings)
    }
}

/// One pass over a parsed document: collect the nodes of interest, then replace them.
private struct TreeRewriter {
    let path: String
    let options: MarkdownOptions
    let hooks: MarkdownHooks
    let cmarkOptions: Int32
    var diagnostics: [Diagnostic] = []

    init(path: String, options: MarkdownOptions, hooks: MarkdownHooks, cmarkOptions: Int32) {
        self.path = path
        self.options = options
        self.hooks = hooks
        self.cmarkOptions = cmarkOptions
    }

    mutating func rewrite(_ document: OpaquePointer) -> [Heading] {
        var codeBlocks: [OpaquePointer] = []
        var codeSpans: [OpaquePointer] = []
        var links: [OpaquePointer] = []
        var headings: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return [] }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_CODE_BLOCK: codeBlocks.append(node)
            case CMARK_NODE_CODE: codeSpans.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(node)
            case CMARK_NODE_HEADING: headings.append(node)
            default: break
            }
        }
        cmark_iter_free(iterator)

        var reserved = Set<String>()
        for node in codeBlocks {
            if let html = replaceCodeBlock(node) { reserved.formUnion(Self.ids(in: html)) }
        }
        for node in codeSpans { replaceCodeSpan(node) }
        for node in links { rewriteLink(node) }
        return options.anchorHeadings ? anchor(headings, reserved: reserved) : []
    }

    private func location(of node: OpaquePointer, columnShift: Int = 0) -> SourceLocation {
        SourceLocation(
            path: path,
            line: Int(cmark_node_get_start_line(node)) + options.lineOffset,
            column: max(1, Int(cmark_node_get_start_column(node)) + columnShift))
    }

    private mutating func attempt(_ body: () throws -> String?) -> String? {
        do {
            return try body()
        } catch let diagnostic as Diagnostic {
            diagnostics.append(diagnostic)
        } catch let many as Diagnostics {
            diagnostics.append(contentsOf: many.all)
        } catch {
            diagnostics.append(Diagnostic(at: SourceLocation(path: path), message: "\(error)"))
        }
        return nil
    }

    /// The `id="…"` values in generated HTML, so heading anchors never repeat them.
    static func ids(in html: String) -> [String] {
        let bytes = Array(html.utf8)
        let marker = Array(" id=\"".utf8)
        var ids: [String] = []
        var index = 0
        while index + marker.count <= bytes.count {
            guard bytes[index] == marker[0], bytes[index..<index + marker.count].elementsEqual(marker) else {
                index += 1
                continue
            }
            let start = index + marker.count
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            ids.append(String(decoding: bytes[start..<end], as: UTF8.self))
            index = end + 1
        }
        return ids
    }

    @discardableResult
    private mutating func replaceCodeBlock(_ node: OpaquePointer) -> String? {
        let block = FencedBlock(
            info: string(cmark_node_get_fence_info(node)),
            body: string(cmark_node_get_literal(node)),
            location: location(of: node))
        let hook = hooks.fencedBlock
        guard let html = attempt({ try hook(block) }) else { return nil }
        replace(node, with: CMARK_NODE_CUSTOM_BLOCK, html: html)
        return html
    }

    private mutating func replaceCodeSpan(_ node: OpaquePointer) {
        // cmark points at the span's content; the opening backtick is one column to the left.
        let span = InlineCode(code: string(cmark_node_get_literal(node)), location: location(of: node, columnShift: -1))
        let hook = hooks.inlineCode
        guard let html = attempt({ try hook(span) }) else { return }
        replace(node, with: CMARK_NODE_CUSTOM_INLINE, html: html)
    }

    private mutating func rewriteLink(_ node: OpaquePointer) {
        let link = LinkDestination(
            url: string(cmark_node_get_url(node)),
            location: location(of: node),
            isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE)
        let hook = hooks.link
        guard let url = attempt({ try hook(link) }) else { return }
        _ = url.withCString { cmark_node_set_url(node, $0) }
    }

    private func replace(_ node: OpaquePointer, with type: cmark_node_type, html: String) {
        guard let custom = cmark_node_new(type) else { return }
        _ = html.withCString { cmark_node_set_on_enter(custom, $0) }
        if cmark_node_replace(node, custom) == 1 {
            cmark_node_free(node)
        } else {
            cmark_node_free(custom)
        }
    }

    /// Gives each heading an `id` (unique on the page) by re-emitting it as a custom block.
    private func anchor(_ nodes: [OpaquePointer], reserved: Set<String>) -> [Heading] {
        var uniquer = Slug.Uniquer(reserved: reserved)
        var headings: [Heading] = []
        for node in nodes {
            let level = Int(cmark_node_get_heading_level(node))
            let text = plainText(of: node)
            let id = uniquer.unique(text)
            guard let rendered = cmark_render_html(node, cmarkOptions) else { continue }
            let html = String(cString: rendered)
            free(rendered)
            let open = "<h\(level)>"
            let close = "</h\(level)>\n"
            guard html.hasPrefix(open), html.hasSuffix(close) else { continue }
            let inner = html.dropFirst(open.count).dropLast(close.count)
            let replacement = "<h\(level) id=\"\(Escape.html(id))\">\(inner)</h\(level)>"
            replace(node, with: CMARK_NODE_CUSTOM_BLOCK, html: replacement)
            headings.append(Heading(level: level, text: text, id: id))
        }
        return headings
    }

    /// The text a reader sees in a node: its text and code literals joined.
    private func plainText(of root: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(root) else { return "" }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += string(cmark_node_get_literal(node))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        cmark_iter_free(iterator)
        return text
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
