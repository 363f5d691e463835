import FolioCore
import FolioMarkdown
import FuzzSupport

/// The Markdown stage, both passes: every piece it lists is located in the article, and with
/// every chart block, `=` span and `javascript` link replaced it renders with heading ids that
/// never repeat a reserved one. Without raw HTML, no `<script` can come out of the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let path = "Content/fuzz.md"
    let lineOffset = 4
    for raw in [false, true] {
        let options = MarkdownOptions(allowRawHTML: raw, lineOffset: lineOffset)
        do {
            let parsed = try MarkdownParser.parse(bytes, path: path, options: options)
            var replacements: [Int: MarkdownReplacement] = [:]
            for (index, piece) in parsed.pieces.enumerated() {
                switch piece {
                case .fencedBlock(let block):
                    DiagnosticChecks.check(block.location, path: path, firstLine: lineOffset + 1)
                    if block.kind == "chart" { replacements[index] = .html("<figure id=\"fig-1\"></figure>") }
                case .inlineCode(let span):
                    DiagnosticChecks.check(span.location, path: path, firstLine: lineOffset + 1)
                    if span.code.hasPrefix("=") { replacements[index] = .html("<span>value</span>") }
                case .link(let link):
                    DiagnosticChecks.check(link.location, path: path, firstLine: lineOffset + 1)
                    if link.url.hasPrefix("javascript") { replacements[index] = .url("#") }
                }
            }
            let rendered = try parsed.render(replacements, reservedIDs: ["fig-1"])
            let ids = rendered.headings.map(\.id)
            require(Set(ids).count == ids.count, "repeated heading ids \(ids)")
            require(!ids.contains("fig-1"), "a heading took a reserved id")
            if !raw { require(!rendered.html.lowercased().contains("<script"), "raw HTML came through without unsafe_html") }
        } catch {
            DiagnosticChecks.check(error, path: path, firstLine: lineOffset + 1)
        }
    }
    return 0
}
