import FolioMarkdown
import Foundation
import Testing

/// The CommonMark spec examples, rendered by folio's Markdown stage with folio's additions off.
@Suite struct CommonMarkConformanceTests {
    struct Example: Decodable {
        let markdown: String
        let html: String
        let example: Int
    }

    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/spec-0.31.2.json")

    /// Examples that changed in spec 0.31; Debian's libcmark 0.30.2 follows the older text.
    static let changedInSpec031: Set<Int> = [354, 625, 626]

    @Test func matchesTheSpecExceptTheExamplesChangedIn031() throws {
        let examples = try JSONDecoder().decode([Example].self, from: Data(contentsOf: Self.fixture))
        #expect(examples.count == 652)
        let options = MarkdownOptions(smartPunctuation: false, allowRawHTML: true, anchorHeadings: false)
        var mismatches: Set<Int> = []
        for example in examples {
            let rendered = try MarkdownParser.parse(Array(example.markdown.utf8), path: "spec.md", options: options).render()
            if rendered.html != example.html { mismatches.insert(example.example) }
        }
        #expect(examples.count - mismatches.count == 649)
        #expect(mismatches == Self.changedInSpec031)
    }
}
