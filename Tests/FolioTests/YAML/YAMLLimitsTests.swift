import FolioCore
import Testing

@testable import FolioYAML

private func at(_ line: Int, _ column: Int) -> FolioCore.SourceLocation {
    SourceLocation(path: "x.yml", line: line, column: column)
}

private func error(_ text: String) -> Diagnostic? {
    do {
        _ = try YAMLReader.read(text, path: "x.yml")
        return nil
    } catch {
        return error
    }
}

private let laughs = """
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]

    """

@Test func billionLaughsExpansionIsRefusedAtTheAnchor() {
    #expect(error(laughs) == Diagnostic(at: at(4, 4), YAMLIssue.aliasTooLarge(anchor: "d", limit: YAMLReader.maxAliasValues)))
}

@Test func billionLaughsAsAKeyIsRefusedBeforeComposing() {
    #expect(error(laughs + "? *i\n: 1\n") == Diagnostic(at: at(10, 1), YAMLIssue.aliasInKey))
    #expect(error(laughs + "*i : 1\n") == Diagnostic(at: at(10, 1), YAMLIssue.aliasInKey))
    #expect(error(laughs + "[*i]: 1\n") == Diagnostic(at: at(10, 4), YAMLIssue.aliasInKey))
}

@Test func wideAliasIsRefusedByTheValueBudget() {
    let items = (0..<(YAMLReader.maxAliasValues + 1)).map { "x\($0)" }.joined(separator: ", ")
    let text = "big: &big [\(items)]\ncopy: *big\n"
    #expect(error(text) == Diagnostic(at: at(1, 6), YAMLIssue.aliasTooLarge(anchor: "big", limit: YAMLReader.maxAliasValues)))
}

@Test func aFewSmallAliasesAreAllowed() throws {
    let value = try #require(try YAMLReader.read("base: &b {unit: USD}\nrevenue: *b\ncost: *b\n", path: "x.yml"))
    #expect(value["cost"]?["unit"]?.text == "USD")
    #expect(value["revenue"] == value["base"])
}

@Test func starsInTextAreNotAliases() throws {
    let value = try #require(try YAMLReader.read("caption: \"Revenue *grew* fast\"\nnote: a *b c\n", path: "x.yml"))
    #expect(value["caption"]?.text == "Revenue *grew* fast")
    #expect(value["note"]?.text == "a *b c")
}

@Test func tooManyAliasesIsAnError() {
    let uses = (0...YAMLReader.maxAliases).map { "k\($0): *v" }.joined(separator: "\n")
    #expect(error("v: &v 1\n\(uses)\n") == Diagnostic(at: at(1, 4), YAMLIssue.tooManyAliases(limit: YAMLReader.maxAliases)))
}

@Test func deepFlowNestingIsAnErrorNotACrash() {
    let depth = 10_000
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    #expect(error(text)?.message == YAMLIssue.tooDeep(limit: YAMLReader.maxDepth).message)
    let mappings = String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth)
    #expect(error(mappings)?.message == YAMLIssue.tooDeep(limit: YAMLReader.maxDepth).message)
}

@Test func deepBlockNestingIsAnErrorNotACrash() {
    let depth = 10_000
    let compact = String(repeating: "- ", count: depth) + "x\n"
    #expect(error(compact)?.message == YAMLIssue.tooDeep(limit: YAMLReader.maxDepth).message)
    let indented = (0..<2_000).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " x\n"
    #expect(error(indented)?.message == YAMLIssue.tooDeep(limit: YAMLReader.maxDepth).message)
}

@Test func nestingJustPastTheLimitIsLocated() {
    let depth = YAMLReader.maxDepth + 1
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    #expect(error(text) == Diagnostic(at: at(1, YAMLReader.maxDepth + 1), YAMLIssue.tooDeep(limit: YAMLReader.maxDepth)))
}

@Test func nestingAtTheLimitIsAccepted() throws {
    let depth = YAMLReader.maxDepth
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    #expect(try YAMLReader.read(text, path: "x.yml") != nil)
}

@Test func oversizedDocumentIsRefused() {
    let text = String(repeating: "#", count: YAMLReader.maxBytes + 1)
    #expect(error(text) == Diagnostic(at: at(1, 1), YAMLIssue.tooLarge(limit: YAMLReader.maxBytes)))
}
