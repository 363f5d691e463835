import FolioCore
import FolioMarkdown
import FolioTestSupport
import Testing

/// A body filled into its skeleton must be byte for byte what parsing and rendering it gives.
@Suite struct MarkdownSkeletonTests {
    let path = "Content/firms/[firm].md"

    /// Bodies with spans in headings, paragraphs, lists, quotes and tables; blocks first, last,
    /// side by side and inside lists; links.
    static let bodies = [
        "```table\ndata: a\n```\n\n# Heading `=a.b[x=@x]` and `=c`\n\nText `=a.b[x=@x]`, [a link](other.md) and `=d`.\n",
        "Intro.\n\n```chart\ntype: bar\n```\n```table\ndata: a\n```\n\n## Two `=x`\n\n- item `=a`\n- [link](b.md) `=b`\n\n> quoted `=q`\n",
        "| h | `=v` |\n|---|---|\n| `=c` | d |\n\n1. one\n\n   ```table\n   data: a\n   ```\n\n2. two `=e`\n\n```table\ndata: z\n```",
        "## Same\n\n## Same `=s`\n\nText \"`=quoted`\" -- dash.\n\n    indented code\n\n```python\nprint(1)\n```\n",
    ]

    /// What a block or span may render as: empty, plain, ending a line or not, markup, a marker's look.
    static let htmls = [
        "", "plain", "<p>para</p>\n", "<table>\n<tr><td>1</td></tr>\n</table>\n", "<figure>x</figure>", "\n", "two\nlines",
        "\u{E000}0\u{E001}", "\u{E000}1\u{E001}\n", "<data value=\"1\">$1B</data>", "中文 · 万亿",
    ]

    func parse(_ body: [UInt8]) throws -> ParsedMarkdown { try MarkdownParser.parse(body, path: path, options: MarkdownOptions()) }

    /// A page's replacements: every fenced block but `python` and every span get HTML, links a URL.
    static func replacements(
        for pieces: [MarkdownPiece], _ random: inout some RandomNumberGenerator, url: String
    ) -> [Int: MarkdownReplacement] {
        var replacements: [Int: MarkdownReplacement] = [:]
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .fencedBlock(let block) where block.info != "python":
                replacements[index] = .html(htmls.randomElement(using: &random) ?? "")
            case .inlineCode: replacements[index] = .html(htmls.randomElement(using: &random) ?? "")
            case .link: replacements[index] = .url(url)
            default: break
            }
        }
        return replacements
    }

    @Test func filledBodiesAreTheirRenders() throws {
        var random = SeededGenerator(state: 20_261_207)
        var (made, filled) = (0, 0)
        for _ in 0..<400 {
            let body = Array((Self.bodies.randomElement(using: &random) ?? "").utf8)
            let reserved: Set<String> = Bool.random(using: &random) ? ["same", "table-1"] : []
            let pieces = try parse(body).pieces
            let first = Self.replacements(for: pieces, &random, url: "other.html")
            let rendered = try parse(body).render(first, reservedIDs: reserved)
            guard
                let skeleton = try MarkdownSkeleton(
                    body: body, path: path, options: MarkdownOptions(), replacements: first, reservedIDs: reserved, rendered: rendered)
            else { continue }
            made += 1
            #expect(skeleton.pieces == pieces)
            for _ in 0..<8 {
                let url = Int.random(in: 0..<4, using: &random) == 0 ? "elsewhere.html" : "other.html"
                let replacements = Self.replacements(for: pieces, &random, url: url)
                let ids = Int.random(in: 0..<6, using: &random) == 0 ? reserved.union(["extra"]) : reserved
                guard let fill = skeleton.fill(body: body, replacements, reservedIDs: ids) else { continue }
                filled += 1
                #expect(fill == (try parse(body).render(replacements, reservedIDs: ids)), "\(replacements)")
            }
        }
        // Most first pages make a skeleton, and most later pages fit theirs.
        #expect(made > 200)
        #expect(filled > 500)
    }

    @Test func whatWouldChangeTheSurroundingsDoesNotFit() throws {
        let body = Array("Text `=a` and [b](b.md).\n\n```table\ndata: a\n```\n\n# Head\n".utf8)
        let first: [Int: MarkdownReplacement] = [0: .html("<data>1</data>"), 1: .url("b.html"), 2: .html("<table></table>\n")]
        let rendered = try parse(body).render(first, reservedIDs: ["head"])
        let made = try MarkdownSkeleton(
            body: body, path: path, options: MarkdownOptions(), replacements: first, reservedIDs: ["head"], rendered: rendered)
        let skeleton = try #require(made)
        #expect(skeleton.fill(body: body, first, reservedIDs: ["head"]) == rendered)
        var other = first
        other[0] = .html("<data>2</data>")
        #expect(skeleton.fill(body: body, other, reservedIDs: ["head"])?.html.contains("<data>2</data> and") == true)
        // Another link, other reserved ids, a block that no longer ends a line or is empty, a missing or
        // extra replacement, another body: each could change what is around the pieces.
        other = first
        other[1] = .url("c.html")
        #expect(skeleton.fill(body: body, other, reservedIDs: ["head"]) == nil)
        #expect(skeleton.fill(body: body, first, reservedIDs: []) == nil)
        for block in ["<table></table>", ""] {
            other = first
            other[2] = .html(block)
            #expect(skeleton.fill(body: body, other, reservedIDs: ["head"]) == nil)
        }
        other = first
        other[0] = nil
        #expect(skeleton.fill(body: body, other, reservedIDs: ["head"]) == nil)
        other = first
        other[7] = .html("x")
        #expect(skeleton.fill(body: body, other, reservedIDs: ["head"]) == nil)
        #expect(skeleton.fill(body: body + Array("more\n".utf8), first, reservedIDs: ["head"]) == nil)
    }

    @Test func aBodyHoldingAMarkerHasNoSkeleton() throws {
        let body = Array("Text `=a` and \u{E000}0\u{E001}.\n".utf8)
        let first: [Int: MarkdownReplacement] = [0: .html("<data>1</data>")]
        let rendered = try parse(body).render(first)
        let skeleton = try MarkdownSkeleton(
            body: body, path: path, options: MarkdownOptions(), replacements: first, reservedIDs: [], rendered: rendered)
        #expect(skeleton == nil)
    }
}
