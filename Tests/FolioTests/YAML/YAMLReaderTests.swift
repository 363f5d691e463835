import FolioCore
import Testing

@testable import FolioYAML

private func at(_ line: Int, _ column: Int) -> FolioCore.SourceLocation {
    SourceLocation(path: "x.yml", line: line, column: column)
}

private func error(_ text: String, lineOffset: Int = 0) -> Diagnostic? {
    do {
        _ = try YAMLReader.read(text, path: "x.yml", lineOffset: lineOffset)
        return nil
    } catch {
        return error
    }
}

@Test func valuesAreKeptAsWritten() throws {
    let value = try #require(try YAMLReader.read("a: NO\nb: 012345\nc: 1.10\nd: on\ne: true\nf: 'true'\ng: 2024\n", path: "x.yml"))
    #expect(value["a"]?.text == "NO")
    #expect(value["a"]?.bool == nil)
    #expect(value["b"]?.text == "012345")
    #expect(value["c"]?.text == "1.10")
    #expect(value["d"]?.bool == nil)
    #expect(value["e"]?.bool == true)
    #expect(value["f"]?.bool == nil)
    #expect(value["g"]?.text == "2024")
}

@Test func locationsAreShiftedByTheLineOffset() throws {
    let value = try #require(try YAMLReader.read("a: 1\nb:\n  - x\n", path: "x.yml", lineOffset: 10))
    #expect(value.entries?[1].keyLocation == at(12, 1))
    #expect(value["b"]?.items?.first == .scalar("x", plain: true, at: at(13, 5)))
}

@Test func emptyDocumentIsNil() throws {
    #expect(try YAMLReader.read("", path: "x.yml") == nil)
    #expect(try YAMLReader.read("# only a comment\n", path: "x.yml") == nil)
}

@Test func duplicateKeyIsReportedAtTheRepeat() {
    #expect(error("title: a\nyear: 1\ntitle: b\n") == Diagnostic(at: at(3, 1), YAMLIssue.duplicateKey("title")))
    #expect(error("- a: 1\n  b: 2\n  a: 3\n", lineOffset: 4) == Diagnostic(at: at(7, 3), YAMLIssue.duplicateKey("a")))
    #expect(error("outer:\n  k: 1\n  # note\n  'k': 2\n") == Diagnostic(at: at(4, 3), YAMLIssue.duplicateKey("k")))
}

@Test func duplicateKeyThatYamsTypesDifferentlyIsStillAnError() {
    #expect(error("1: a\n\"1\": b\n") == Diagnostic(at: at(2, 1), YAMLIssue.duplicateKey("1")))
}

@Test func duplicateKeyInAFlowMappingIsReported() {
    #expect(error("{a: 1, a: 2}") == Diagnostic(at: at(1, 2), YAMLIssue.duplicateKey("a")))
}

@Test func tabInIndentationIsAnError() {
    #expect(error("a:\n\tb: 1\n") == Diagnostic(at: at(2, 1), YAMLIssue.tabIndent))
    #expect(error("a:\n  b:\n  \tc: 1\n") == Diagnostic(at: at(3, 3), YAMLIssue.tabIndent))
}

@Test func syntaxErrorIsLocated() {
    #expect(error("a: [1, 2\n") == Diagnostic(at: at(2, 1), YAMLIssue.syntax("did not find expected ',' or ']'")))
}

@Test func listKeyIsAnError() {
    #expect(error("[a, b]: 1\n") == Diagnostic(at: at(1, 1), YAMLIssue.nonTextKey))
}

@Test func controlCharacterIsLocated() {
    #expect(error("a: 1\nb: x\u{1}\n") == Diagnostic(at: at(2, 5), YAMLIssue.syntax("control characters are not allowed")))
}
