import Folio
import FolioCore
import FolioTemplates
import Foundation
import Testing

/// The default theme's header and footer are rendered once per folder and menu item: every page
/// must come out as it does from a theme that writes them inline, where nothing is reused.
@Suite struct FramePartialsSiteTests {
    let content = """
        -- Content/site.yml --
        title: Frames & "folders"
        author: Ann Analyst
        nav:
          - index.md
          - analysis/one.md
          - debt.md
        -- Content/index.md --
        ---
        title: Front <page>
        ---
        Read [one](analysis/one.md), [two](analysis/two.md) and [deep](analysis/deep/three.md).
        -- Content/debt.md --
        ---
        title: Debt
        nav_title: Debt & loans
        ---
        Back to the [front](index.md).
        -- Content/other.md --
        ---
        title: Other
        ---
        Not in the menu.
        -- Content/analysis/one.md --
        ---
        title: One
        ---
        In the menu, in a folder.
        -- Content/analysis/two.md --
        ---
        title: Two
        ---
        Not in the menu, in the same folder.
        -- Content/analysis/deep/three.md --
        ---
        title: Three
        ---
        Deeper.
        -- Content/analysis/deep/four.md --
        ---
        title: Four
        ---
        As deep.
        """

    /// The default theme with `{{>header}}` and `{{>footer}}` replaced by the partials' text.
    func inlineTheme() throws -> String {
        var theme = Dictionary(uniqueKeysWithValues: Scaffold.themeFiles.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        let base = try #require(theme["partials/base.mustache"])
        let header = try #require(theme["partials/header.mustache"])
        let footer = try #require(theme["partials/footer.mustache"])
        try #require(base.contains("\n{{>header}}\n") && base.contains("\n{{>footer}}\n"))
        theme["partials/base.mustache"] = base.replacingOccurrences(of: "\n{{>header}}\n", with: "\n" + header)
            .replacingOccurrences(of: "\n{{>footer}}\n", with: "\n" + footer)
        theme["partials/header.mustache"] = nil
        theme["partials/footer.mustache"] = nil
        return theme.sorted { $0.key < $1.key }.map { "-- Templates/\($0.key) --\n\($0.value.dropLast())" }.joined(separator: "\n")
    }

    func pages(_ site: SiteFixture) -> [String: String] {
        site.tree().filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func everyPageIsTheSameAsWithTheHeaderAndFooterWrittenInline() throws {
        let reused = try SiteFixture(content)
        defer { reused.remove() }
        let inline = try SiteFixture(content + "\n" + inlineTheme(), theme: false)
        defer { inline.remove() }
        try reused.build()
        try inline.build()
        let expected = pages(inline)
        #expect(expected.count == 8)
        #expect(pages(reused) == expected)
        // The menu marks the page itself, and links from each folder.
        let one = try #require(expected["analysis/one.html"])
        #expect(one.contains("<li><a href=\"one.html\" aria-current=\"page\">One</a></li>"))
        let four = try #require(expected["analysis/deep/four.html"])
        #expect(four.contains("<li><a href=\"../../debt.html\">Debt &amp; loans</a></li>"))
        #expect(!four.contains("aria-current"))
    }

    var defaultTheme: [TemplateSource] {
        Scaffold.themeFiles.compactMap { file in
            guard file.path.hasSuffix(".mustache") else { return nil }
            let kind: TemplateSource.Kind = file.path.hasPrefix("layouts/") ? .layout : .partial
            let name = String(file.path.split(separator: "/").last?.dropLast(".mustache".count) ?? "")
            return TemplateSource(name: name, kind: kind, displayPath: "Templates/" + file.path, bytes: file.bytes)
        }
    }

    /// A page's context as `PageContext` makes it: the frame keys, then the page's own values.
    func context(folder: String, current: Int?, title: String) -> [String: Any] {
        let root = String(repeating: "../", count: folder.isEmpty ? 0 : folder.split(separator: "/").count)
        let nav = (0..<3).map { (item: Int) -> [String: Any] in
            ["title": "Item \(item)", "nav_title": "<Item \(item)>", "url": root + "item-\(item).html", "current": item == current]
        }
        return [
            "site": ["title": "A & B", "language": "en", "has_nav": true, "nav": nav, "params": [String: Any]()],
            "root": root, "home": root + "index.html", "generator": "folio",
            "page": ["title": title, "path": "\(folder)/\(title).md", "content": "<p>\(title)</p>", "is_index": false],
        ]
    }

    @Test func theDefaultThemesHeaderAndFooterAreRenderedOncePerFrame() throws {
        let set = try TemplateSet.compile(defaultTheme)
        let literal = set.literalPartials(forFrame: "a\n-", context: context(folder: "a", current: nil, title: "x"))
        #expect(literal.contains("header"))
        #expect(literal.contains("footer"))
        // The table of contents and the sources read the page.
        #expect(!literal.contains("toc"))
        #expect(!literal.contains("sources"))
    }

    @Test func aFrameRenderGivesTheBytesOfAPageRender() throws {
        let set = try TemplateSet.compile(defaultTheme)
        let at = SourceLocation(path: "a.md")
        let pages: [(frame: String, folder: String, current: Int?, title: String)] = [
            ("\n-", "", nil, "first"), ("\n-", "", nil, "second"), ("a\n-", "a", nil, "third"), ("a/b\n-", "a/b", nil, "fourth"),
            ("\n1", "", 1, "fifth"), ("a/b\n-", "a/b", nil, "sixth"),
        ]
        for page in pages {
            let values = context(folder: page.folder, current: page.current, title: page.title)
            let once = try set.render(layout: "page", context: values, frame: page.frame, at: at)
            let each = try set.render(layout: "page", context: values, at: at)
            #expect(once == each, "\(page.title)")
            #expect(once.contains("<h1>\(page.title)</h1>"))
        }
    }

}
