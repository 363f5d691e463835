import FolioCore
import Testing

@testable import FolioTemplates

/// Partials rendered once per frame (a folder and menu item) must give the bytes a render per page gives.
@Suite struct FramePartialsTests {
    func sources(_ templates: [(String, TemplateSource.Kind, String)]) -> [TemplateSource] {
        templates.map { name, kind, text in
            TemplateSource(name: name, kind: kind, displayPath: "Templates/\(name).mustache", text: text)
        }
    }

    @Test func aPartialThatReadsThePageIsRenderedPerPage() throws {
        let set = try TemplateSet.compile(
            sources([
                ("page", .layout, "{{>head}}{{>masthead}}<main>{{page.title}}</main>\n"),
                ("head", .partial, "<title>{{page.title}} · {{site.title}}</title>\n"),
                ("masthead", .partial, "<a href=\"{{home}}\">{{site.title}}</a>\n"),
            ]))
        let first: [String: Any] = ["site": ["title": "S"], "home": "index.html", "page": ["title": "One"]]
        let second: [String: Any] = ["site": ["title": "S"], "home": "index.html", "page": ["title": "Two"]]
        let at = SourceLocation(path: "a.md")
        #expect(try set.render(layout: "page", context: first, frame: "f", at: at).contains("<title>One · S</title>"))
        #expect(try set.render(layout: "page", context: second, frame: "f", at: at).contains("<title>Two · S</title>"))
        #expect(set.literalPartials(forFrame: "f", context: first) == ["masthead"])
    }

    @Test func onlyPartialsIncludedAtTheRootWithoutIndentationAndIncludingNothingAreCandidates() {
        let candidates = FramePartials.candidates(
            in: sources([
                ("page", .layout, "{{<base}}{{$main}}{{>inBlock}}{{/main}}{{/base}}"),
                ("base", .partial, "{{>plain}}\n{{#site}}{{>inSection}}{{/site}}\n  {{>indented}}\n{{$main}}{{/main}}{{>outer}}\n"),
                ("plain", .partial, "{{site.title}}"),
                ("inBlock", .partial, "{{home}}"),
                ("inSection", .partial, "{{title}}"),
                ("indented", .partial, "{{home}}\n"),
                ("outer", .partial, "{{>inner}}"),
                ("inner", .partial, "{{root}}"),
                ("dot", .partial, "{{.}}"),
                ("unused", .partial, "{{root}}"),
            ]))
        #expect(candidates == ["inBlock", "inner", "plain"])
    }

    @Test func newDelimitersOrDynamicPartialsTurnItOff() {
        let delimiters = sources([("page", .layout, "{{>plain}}{{=<% %>=}}"), ("plain", .partial, "{{root}}")])
        #expect(FramePartials.candidates(in: delimiters).isEmpty)
        let dynamic = sources([("page", .layout, "{{>plain}}{{>*name}}"), ("plain", .partial, "{{root}}")])
        #expect(FramePartials.candidates(in: dynamic).isEmpty)
    }

    @Test func literalTextKeepsBracesAndLineBreaks() throws {
        let text = "\n{{not a tag}} {{{x}}} <% y %>\n\nend"
        let template = try #require(FramePartials.literal(text))
        #expect(template.render([String: Any]()) == text)
        #expect(FramePartials.literal("a\u{1}b") == nil)
    }
}
