import FolioCore
import FolioTemplates
import FolioTestSupport
import Testing

@Suite struct TemplateSetTests {
    func compile(_ templates: [(String, TemplateSource.Kind, String)]) throws -> TemplateSet {
        try TemplateSet.compile(
            templates.map { name, kind, text in
                let folder = kind == .layout ? "layouts" : "partials"
                return TemplateSource(name: name, kind: kind, displayPath: "Templates/\(folder)/\(name).mustache", text: text)
            })
    }

    @Test func escapesPerScalarInTextAndAttributes() throws {
        let set = try compile([("page", .layout, "<p title=\"{{title}}\">{{title}}</p>")])
        let hostile = "x\"\u{301} onmouseover=alert(1) <b>&'"
        let html = try set.render(layout: "page", context: ["title": hostile], at: SourceLocation(path: "a.md"))
        let escaped = "x&quot;\u{301} onmouseover=alert(1) &lt;b&gt;&amp;&#39;"
        #expect(html == "<p title=\"\(escaped)\">\(escaped)</p>")
    }

    @Test func layoutsInheritFromAParentAndUsePartials() throws {
        let set = try compile([
            ("base", .partial, "<html>{{$body}}default{{/body}}{{>footer}}</html>"),
            ("footer", .partial, "<footer>{{site}}</footer>"),
            ("page", .layout, "{{<base}}{{$body}}<main>{{{content}}}</main>{{/body}}{{/base}}"),
        ])
        let html = try set.render(layout: "page", context: ["content": "<p>hi</p>", "site": "S"], at: SourceLocation(path: "a.md"))
        #expect(html == "<html><main><p>hi</p></main><footer>S</footer></html>")
    }

    @Test func anUnknownPartialIsAnErrorNamingIt() {
        let found = diagnostics { _ = try compile([("page", .layout, "<html>\n  {{> heder}}\n</html>"), ("header", .partial, "h")]) }
        #expect(
            found == [
                Diagnostic(
                    at: SourceLocation(path: "Templates/layouts/page.mustache", line: 2, column: 3),
                    TemplateIssue.unknownPartial("heder", known: ["header"]))
            ])
    }

    @Test func anUnknownLayoutIsAnErrorNamingIt() throws {
        let set = try compile([("page", .layout, "x")])
        let at = SourceLocation(path: "Content/a.md", line: 3, column: 9)
        let found = diagnostics { _ = try set.render(layout: "wide", context: [:], at: at) }
        #expect(found == [Diagnostic(at: at, TemplateIssue.unknownLayout("wide", known: ["page"]))])
    }

    @Test func aParseErrorNamesTheTemplateFileAndLine() {
        let found = diagnostics { _ = try compile([("page", .layout, "<html>\n{{items}\n<li>\n</html>")]) }
        #expect(found.count == 1)
        #expect(found.first?.location.path == "Templates/layouts/page.mustache")
        #expect(found.first?.message == TemplateIssue.parse("a tag is not finished").message)
    }
}
