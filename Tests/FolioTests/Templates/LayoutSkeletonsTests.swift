import FolioCore
import FolioTestSupport
import Testing

@testable import FolioTemplates

/// Pages filled into a skeleton must be byte for byte what rendering each page gives.
@Suite struct LayoutSkeletonsTests {
    let at = SourceLocation(path: "a.md")

    func templates(_ list: [(String, TemplateSource.Kind, String)]) throws -> TemplateSet {
        try TemplateSet.compile(
            list.map { name, kind, text in TemplateSource(name: name, kind: kind, displayPath: "Templates/\(name).mustache", text: text) })
    }

    /// A theme that indents partials and blocks, writes strings escaped and raw, and opens
    /// sections on strings, lists, booleans and mappings.
    func theme() throws -> TemplateSet {
        try templates([
            ("page", .layout, "{{<base}}\n{{$main}}\n  <h1>{{page.title}}</h1>\n  {{>body}}\n  {{>list}}\n{{/main}}\n{{/base}}\n"),
            ("plain", .layout, "<main>\n  {{>body}}\n    {{>list}}\n  {{>footer}}\n</main>\n"),
            (
                "base", .partial,
                "<title>{{page.title}} · {{site.title}}</title>\n{{#page.summary}}<p>{{.}}</p>{{/page.summary}}\n<main>\n{{$main}}{{/main}}\n</main>\n{{>footer}}\n"
            ),
            (
                "body", .partial,
                "<div>\n{{{page.content}}}\n</div>\n{{^page.draft}}final{{/page.draft}}{{#page.draft}}draft{{/page.draft}}\n"
            ),
            (
                "list", .partial,
                "<ol>\n{{#page.items}}\n  <li{{#sub}} class=\"sub\"{{/sub}}>{{text}} {{{text}}} {{n}}</li>\n{{/page.items}}\n</ol>\n"
            ),
            ("footer", .partial, "<footer>{{site.title}}{{#page.meta}} {{by}}{{/page.meta}}</footer>\n"),
        ])
    }

    /// Strings that test what a skeleton must keep: empty, line ends, markup, a marker's look.
    static let strings = [
        "", "plain", "\n", "ends a line\n", "two\nlines", "<b>&\"'</b>", "\u{E000}0&\u{E001}", "中文 · 万亿", "  spaced  ",
        "\u{E000}1&amp;\u{E001}\n",
    ]

    static func context(_ random: inout some RandomNumberGenerator) -> [String: Any] {
        func text() -> String { strings.randomElement(using: &random) ?? "" }
        let items: [Any] = (0..<Int.random(in: 0...3, using: &random)).map { _ in
            ["text": text(), "sub": Bool.random(using: &random), "n": Int.random(in: 0...2, using: &random)] as [String: Any]
        }
        var page: [String: Any] = ["title": text(), "content": text(), "draft": Bool.random(using: &random), "items": items]
        if Bool.random(using: &random) { page["summary"] = text() }
        if Bool.random(using: &random) { page["meta"] = ["by": text()] }
        return ["site": ["title": "Site"], "page": page]
    }

    @Test func filledPagesAreTheirRenders() throws {
        let set = try theme()
        var random = SeededGenerator(state: 20_261_207)
        for _ in 0..<3000 {
            let context = Self.context(&random)
            let layout = Bool.random(using: &random) ? "page" : "plain"
            let direct = try set.render(layout: layout, context: context, at: at)
            #expect(try set.render(layout: layout, context: context, frame: "f", at: at) == direct)
        }
        #expect(set.skeletonCount > 10)
    }

    @Test func anIndentedPartialIndentsTheLinesAfterAStringsLineEnd() throws {
        let context: [String: Any] = [
            "site": ["title": "S"], "page": ["title": "T", "content": "a\nb\n", "draft": false, "items": [Any]()],
        ]
        let plain = try theme().render(layout: "plain", context: context, at: at)
        #expect(plain.contains("<main>\n  <div>\n  a\nb\n  \n  </div>"), "\(plain)")
    }

    @Test func aShapeSeenTwiceIsFilledFromThenOn() throws {
        let set = try theme()
        func page(_ title: String) -> [String: Any] {
            ["site": ["title": "S"], "page": ["title": title, "content": "<p>\(title)</p>\n", "draft": false, "items": [Any]()]]
        }
        _ = try set.render(layout: "page", context: page("One"), frame: "f", at: at)
        #expect(set.skeletonCount == 0)
        _ = try set.render(layout: "page", context: page("Two"), frame: "f", at: at)
        #expect(set.skeletonCount == 1)
        let third = try set.render(layout: "page", context: page("<Three & co>"), frame: "f", at: at)
        #expect(third.contains("<h1>&lt;Three &amp; co&gt;</h1>"))
        #expect(third.contains("<div>\n<p><Three & co></p>\n"))
        #expect(third == (try set.render(layout: "page", context: page("<Three & co>"), at: at)))
    }

    @Test func transformsAndPragmasKeepEveryPageRendered() throws {
        for text in ["{{uppercased(page.title)}}\n", "{{% CONTENT_TYPE: TEXT}}{{page.title}}\n", "{{>*page.part}}\n"] {
            let set = try templates([("page", .layout, text), ("x", .partial, "x")])
            for title in ["a", "b", "c"] {
                let context: [String: Any] = ["page": ["title": title, "part": "x"]]
                #expect(
                    try set.render(layout: "page", context: context, frame: "f", at: at)
                        == set.render(layout: "page", context: context, at: at))
            }
            #expect(set.skeletonCount == 0, "\(text)")
        }
    }

    @Test func theShapeSetsStringsAsideButKeepsWhatDecidesTheRender() throws {
        func key(_ page: [String: Any]) -> String? { ContextShape(["site": ["title": "S"], "page": page], fixed: ["site"])?.key }
        #expect(key(["title": "a", "n": 2]) == key(["title": "b", "n": 2]))
        #expect(key(["title": "a"]) != key(["title": ""]))
        #expect(key(["title": "a"]) != key(["title": "a\n"]))
        #expect(key(["flag": true]) != key(["flag": false]))
        #expect(key(["items": ["a"]]) != key(["items": ["a", "b"]]))
        #expect(key(["n": 2]) != key(["n": 3]))
        #expect(key(["ab": "x"]) != key(["a": ["b": "x"]]))
        #expect(key(["run": { () in "x" }]) == nil)
        let shape = try #require(ContextShape(["site": ["title": "S"], "page": ["b": "2", "a": "1", "c": ""]], fixed: ["site"]))
        #expect(shape.strings == ["1", "2"])
    }

    @Test func aSkeletonIsRefusedWhereAMarkerIsNotWhole() {
        let marker = SkeletonMarker.text(0, endsLine: false)
        #expect(LayoutSkeleton(marked: "a" + marker + "b", strings: ["x"])?.fill(["<y>"]) == "a<y>b")
        #expect(LayoutSkeleton(marked: "a" + Escape.html(marker) + "b", strings: ["x"])?.fill(["<y>"]) == "a&lt;y&gt;b")
        #expect(LayoutSkeleton(marked: "a" + SkeletonMarker.open + "0b", strings: ["x"]) == nil)
        #expect(LayoutSkeleton(marked: "a" + SkeletonMarker.text(1, endsLine: false), strings: ["x"]) == nil)
        #expect(LayoutSkeleton(marked: "a" + marker, strings: ["x\n"]) == nil)
    }
}
