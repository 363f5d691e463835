import FolioCore
import FolioMarkdown
import FuzzSupport

/// The Markdown stage with hooks that see every block, span and link: renders or reports located errors.
/// Without raw HTML, no `<script` can come out of the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let path = "Content/fuzz.md"
    let lineOffset = 4
    let hooks = MarkdownHooks(
        fencedBlock: { block in
            DiagnosticChecks.check(block.location, path: path, firstLine: lineOffset + 1)
            if block.info == "fail" { throw Diagnostic(at: block.bodyLocation, message: "refused") }
            return block.info == "chart" ? "<figure id=\"fig-1\"></figure>" : nil
        },
        inlineCode: { span in
            DiagnosticChecks.check(span.location, path: path, firstLine: lineOffset + 1)
            return span.code.hasPrefix("=") ? "<span>value</span>" : nil
        },
        link: { link in
            DiagnosticChecks.check(link.location, path: path, firstLine: lineOffset + 1)
            return link.url.hasPrefix("javascript") ? "#" : nil
        })
    for raw in [false, true] {
        let options = MarkdownOptions(allowRawHTML: raw, lineOffset: lineOffset)
        do {
            let rendered = try MarkdownRenderer.render(bytes, path: path, options: options, hooks: hooks)
            let ids = rendered.headings.map(\.id)
            require(Set(ids).count == ids.count, "repeated heading ids \(ids)")
            require(!ids.contains("fig-1") || !rendered.html.contains("<figure id=\"fig-1\">"), "a heading took a block's id")
            if !raw { require(!rendered.html.lowercased().contains("<script"), "raw HTML came through without unsafe_html") }
        } catch {
            DiagnosticChecks.check(error, path: path, firstLine: lineOffset + 1)
        }
    }
    return 0
}
