import FolioCore
import FolioTemplates
import FolioTestSupport
import Testing

/// Templates that would crash the renderer or mislead the author are refused before compiling,
/// each at its file, line and column.
@Suite struct TemplateStructureTests {
    func errors(_ templates: [(String, TemplateSource.Kind, String)]) -> [Diagnostic]? {
        diagnostics {
            _ = try TemplateSet.compile(
                templates.map { name, kind, text in
                    TemplateSource(name: name, kind: kind, displayPath: path(name, kind), text: text)
                })
        }
    }

    func path(_ name: String, _ kind: TemplateSource.Kind) -> String {
        "Templates/\(kind == .layout ? "layouts" : "partials")/\(name).mustache"
    }

    func at(_ name: String, _ kind: TemplateSource.Kind, _ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: path(name, kind), line: line, column: column)
    }

    @Test func aPartialThatIncludesItselfIsRefusedAtTheInclude() {
        #expect(
            errors([("page", .layout, "{{> nav}}"), ("nav", .partial, "<nav>\n  {{> nav}}</nav>")]) == [
                Diagnostic(at: at("nav", .partial, 2, 3), TemplateIssue.includesItself(loop: ["nav", "nav"]))
            ])
    }

    @Test func twoPartialsThatIncludeEachOtherAreRefusedOnce() {
        let found = errors([("page", .layout, "{{> a}}"), ("a", .partial, "{{> b}}"), ("b", .partial, "x {{> a}}")])
        #expect(found == [Diagnostic(at: at("b", .partial, 1, 3), TemplateIssue.includesItself(loop: ["a", "b", "a"]))])
    }

    @Test func aLayoutThatInheritsFromItselfIsRefused() {
        #expect(
            errors([("page", .layout, "{{<page}}{{$body}}x{{/body}}{{/page}}")]) == [
                Diagnostic(at: at("page", .layout, 1, 1), TemplateIssue.includesItself(loop: ["page", "page"]))
            ])
    }

    @Test func aChainOfIncludesPastTheLimitIsRefused() {
        let chain = (0..<100).map { ("p\($0)", TemplateSource.Kind.partial, "{{> p\($0 + 1)}}") } + [("p100", .partial, "end")]
        let found = errors([("page", .layout, "{{> p0}}")] + chain)
        #expect(found?.map(\.message).contains(TemplateIssue.includesTooDeep(limit: 64).message) == true)
    }

    @Test func thousandsOfNestedSectionsAreRefusedNotACrash() {
        let text = (0..<5000).map { "{{#s\($0)}}" }.joined() + (0..<5000).reversed().map { "{{/s\($0)}}" }.joined()
        // The 101st opening tag is the first too deep; the tags before it are `{{#s0}}` … `{{#s99}}`.
        let column = 1 + (0..<100).map { "{{#s\($0)}}".count }.reduce(0, +)
        #expect(
            errors([("page", .layout, text)]) == [Diagnostic(at: at("page", .layout, 1, column), TemplateIssue.nestedTooDeep(limit: 100))])
    }

    @Test func anUnclosedSectionIsReportedWhereItOpens() {
        #expect(
            errors([("page", .layout, "<main>\n  {{#items}}\n  <li>{{name}}</li>\n</main>\n")]) == [
                Diagnostic(at: at("page", .layout, 2, 3), TemplateIssue.neverClosed("items"))
            ])
        #expect(
            errors([("page", .layout, "{{#a}}\n{{/b}}")]) == [
                Diagnostic(at: at("page", .layout, 2, 1), TemplateIssue.closedWrongName("b", opened: "a"))
            ])
    }

    @Test func invalidUTF8InATemplateIsReportedAtItsByte() {
        let source = TemplateSource(
            name: "page", kind: .layout, displayPath: path("page", .layout), bytes: Array("<p>\nok \u{E9}".utf8) + [0xFF])
        let found = diagnostics { _ = try TemplateSet.compile([source]) }
        #expect(found == [Diagnostic(at: at("page", .layout, 2, 5), TemplateIssue.invalidUTF8)])
    }
}
