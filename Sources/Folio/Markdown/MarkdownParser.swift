import CCmark
import FolioCore
import Foundation

/// Parses CommonMark through libcmark into a document and the pieces later stages replace.
/// This folder is the only code that talks to cmark.
public enum MarkdownParser {
    /// Larger articles are refused: some inputs make cmark 0.30 superlinear, and a cmark call cannot be interrupted.
    public static let maxBytes = 256 * 1024

    /// Parses `bytes` (the Markdown body of the file at `path`).
    public static func parse(
        _ bytes: [UInt8], path: String, options: MarkdownOptions = MarkdownOptions()
    ) throws(Diagnostics) -> ParsedMarkdown {
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
        return ParsedMarkdown(document: document, path: path, options: options, cmarkOptions: cmarkOptions)
    }
}

/// An article parsed by cmark: the pieces later stages may replace, in document order, and the
/// tree they go back into. Rendering consumes it; the tree is freed with it.
public struct ParsedMarkdown: ~Copyable {
    /// Fenced code blocks, code spans and link destinations, in document order.
    public let pieces: [MarkdownPiece]
    private let document: OpaquePointer
    /// The cmark node of each piece, at the same index.
    private let nodes: [OpaquePointer]
    private let headings: [OpaquePointer]
    private let path: String
    private let options: MarkdownOptions
    private let cmarkOptions: Int32

    fileprivate init(document: OpaquePointer, path: String, options: MarkdownOptions, cmarkOptions: Int32) {
        var pieces: [MarkdownPiece] = []
        var nodes: [OpaquePointer] = []
        var headings: [OpaquePointer] = []
        if let iterator = cmark_iter_new(document) {
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let at = { (shift: Int) in
                    SourceLocation(
                        path: path, line: Int(cmark_node_get_start_line(node)) + options.lineOffset,
                        column: max(1, Int(cmark_node_get_start_column(node)) + shift))
                }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_CODE_BLOCK:
                    let block = FencedBlock(
                        info: CmarkText.string(cmark_node_get_fence_info(node)), body: CmarkText.string(cmark_node_get_literal(node)),
                        location: at(0))
                    pieces.append(.fencedBlock(block))
                    nodes.append(node)
                case CMARK_NODE_CODE:
                    // cmark points at the span's content; the opening backtick is one column to the left.
                    pieces.append(.inlineCode(InlineCode(code: CmarkText.string(cmark_node_get_literal(node)), location: at(-1))))
                    nodes.append(node)
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    let link = LinkDestination(
                        url: CmarkText.string(cmark_node_get_url(node)), location: at(0),
                        isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE)
                    pieces.append(.link(link))
                    nodes.append(node)
                case CMARK_NODE_HEADING:
                    headings.append(node)
                default:
                    break
                }
            }
            cmark_iter_free(iterator)
        }
        self.pieces = pieces
        self.document = document
        self.nodes = nodes
        self.headings = headings
        self.path = path
        self.options = options
        self.cmarkOptions = cmarkOptions
    }

    deinit { cmark_node_free(document) }

    /// Puts `replacements` (by index into `pieces`) into the tree and renders it. Headings get
    /// ids unique on the page that never repeat `reservedIDs` (the ids the replacements emit).
    public consuming func render(
        _ replacements: [Int: MarkdownReplacement] = [:], reservedIDs: Set<String> = []
    ) throws(Diagnostics) -> RenderedMarkdown {
        for (index, replacement) in replacements.sorted(by: { $0.key < $1.key }) where nodes.indices.contains(index) {
            let node = nodes[index]
            switch (replacement, pieces[index]) {
            case (.html(let html), .fencedBlock): CmarkTree.replace(node, with: CMARK_NODE_CUSTOM_BLOCK, html: html)
            case (.html(let html), .inlineCode): CmarkTree.replace(node, with: CMARK_NODE_CUSTOM_INLINE, html: html)
            case (.url(let url), .link): _ = url.withCString { cmark_node_set_url(node, $0) }
            default: break
            }
        }
        let headings = options.anchorHeadings ? anchor(reserved: reservedIDs) : []
        guard let rendered = cmark_render_html(document, cmarkOptions) else {
            throw Diagnostics([
                Diagnostic(at: SourceLocation(path: path, line: 1 + options.lineOffset, column: 1), MarkdownIssue.parserFailed)
            ])
        }
        defer { free(rendered) }
        return RenderedMarkdown(html: String(cString: rendered), headings: headings)
    }

    /// Gives each heading an `id` (unique on the page) by re-emitting it as a custom block.
    private func anchor(reserved: Set<String>) -> [Heading] {
        var uniquer = Slug.Uniquer(reserved: reserved)
        var anchored: [Heading] = []
        for node in headings {
            let level = Int(cmark_node_get_heading_level(node))
            let text = CmarkTree.plainText(of: node)
            let id = uniquer.unique(text)
            guard let rendered = cmark_render_html(node, cmarkOptions) else { continue }
            let html = String(cString: rendered)
            free(rendered)
            let open = "<h\(level)>"
            let close = "</h\(level)>\n"
            guard html.hasPrefix(open), html.hasSuffix(close) else { continue }
            let inner = html.dropFirst(open.count).dropLast(close.count)
            CmarkTree.replace(node, with: CMARK_NODE_CUSTOM_BLOCK, html: "<h\(level) id=\"\(Escape.html(id))\">\(inner)</h\(level)>")
            anchored.append(Heading(level: level, text: text, id: id))
        }
        return anchored
    }
}

/// Edits and reads of cmark nodes.
private enum CmarkTree {
    static func replace(_ node: OpaquePointer, with type: cmark_node_type, html: String) {
        guard let custom = cmark_node_new(type) else { return }
        _ = html.withCString { cmark_node_set_on_enter(custom, $0) }
        if cmark_node_replace(node, custom) == 1 {
            cmark_node_free(node)
        } else {
            cmark_node_free(custom)
        }
    }

    /// The text a reader sees in a node: its text and code literals joined.
    static func plainText(of root: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(root) else { return "" }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += CmarkText.string(cmark_node_get_literal(node))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        cmark_iter_free(iterator)
        return text
    }
}

private enum CmarkText {
    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
