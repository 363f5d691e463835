import Folio
import FolioCore
import Foundation
import Testing

/// Languages (SPEC §8): `languages:` in site.yml, `NAME.LANG.md` built under `LANG/`, the
/// switcher, hreflang alternates, sitemap alternates, a feed per language and the theme's words.
@Suite struct LanguageSiteTests {
    static let project = """
        -- Content/site.yml --
        title: The Canary
        language: en
        languages:
          zh: {title: 金丝雀, description: 中文版}
        nav: [ipo.md, debt.md]
        -- Content/index.md --
        ---
        title: Home
        ---
        Read [the IPO](ipo.md).
        -- Content/index.zh.md --
        ---
        title: 首页
        ---
        阅读[上市](ipo.md)一文。
        -- Content/ipo.md --
        ---
        title: The IPO
        date: 2025-03-28
        ---
        See [debt](debt.md).
        -- Content/ipo.zh.md --
        ---
        title: 上市
        date: 2025-03-28
        ---
        参见[债务](debt.md)与[首页](index.zh.md)。
        -- Content/debt.md --
        ---
        title: Debt
        date: 2025-04-01
        ---
        Back to [the IPO](ipo.md).
        """

    /// The `href`s of the `<a>`s inside the page's language switcher, by `hreflang`.
    func switcher(_ html: String) -> [String: String] {
        guard let start = html.firstRange(of: "<nav class=\"languages\""), let end = html[start.upperBound...].firstRange(of: "</nav>")
        else { return [:] }
        var links: [String: String] = [:]
        for item in html[start.upperBound..<end.lowerBound].split(separator: "<li>").dropFirst() {
            guard let href = item.firstMatch(of: /href="([^"]*)"/)?.1, let language = item.firstMatch(of: /hreflang="([^"]*)"/)?.1 else {
                continue
            }
            links[String(language)] = String(href)
        }
        return links
    }

    @Test func aTranslationIsBuiltUnderItsLanguageWithItsOwnWordsTitleAndDates() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        let pages = site.tree().keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages == ["404.html", "debt.html", "index.html", "ipo.html", "zh/index.html", "zh/ipo.html"])
        let zh = site.read("Output/zh/ipo.html")
        #expect(zh.contains("<html lang=\"zh\">"))
        #expect(zh.contains("<title>上市 · 金丝雀</title>"))
        #expect(zh.contains("2025年3月28日"))
        #expect(zh.contains("跳到正文"))
        #expect(!zh.contains("Skip to the article"))
        let en = site.read("Output/ipo.html")
        #expect(en.contains("<html lang=\"en\">") && en.contains("<title>The IPO · The Canary</title>"))
        #expect(en.contains("28 March 2025") && en.contains("Skip to the article"))
    }

    @Test func theSwitcherLinksEachVersionAndAnUntranslatedPageToTheOtherHome() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        #expect(switcher(site.read("Output/ipo.html")) == ["en": "ipo.html", "zh": "zh/ipo.html"])
        #expect(switcher(site.read("Output/zh/ipo.html")) == ["en": "../ipo.html", "zh": "ipo.html"])
        #expect(switcher(site.read("Output/debt.html")) == ["en": "debt.html", "zh": "zh/index.html"])
        #expect(switcher(site.read("Output/zh/index.html")) == ["en": "../index.html", "zh": "index.html"])
        let zh = site.read("Output/zh/ipo.html")
        #expect(zh.contains("aria-current=\"page\">中文</a>"))
        #expect(zh.contains(">English</a>"))
    }

    @Test func hreflangAlternatesListTheVersionsThatExist() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        let ipo = site.read("Output/ipo.html")
        #expect(ipo.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"ipo.html\">"))
        #expect(ipo.contains("<link rel=\"alternate\" hreflang=\"zh\" href=\"zh/ipo.html\">"))
        let debt = site.read("Output/debt.html")
        #expect(debt.contains("hreflang=\"en\" href=\"debt.html\""))
        #expect(!debt.contains("hreflang=\"zh\" href="))
        try site.build(BuildOptions(baseURL: "https://example.org/canary"))
        #expect(
            site.read("Output/zh/ipo.html").contains(
                "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/canary/ipo.html\">"))
    }

    @Test func linksGoToTheSameLanguageWhenThereIsAVersionElseToTheMainOne() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        let zh = site.read("Output/zh/ipo.html")
        // `debt.md` has no Chinese version: the link goes to the English page, relative.
        #expect(zh.contains("<a href=\"../debt.html\">债务</a>"))
        #expect(zh.contains("<a href=\"index.html\">首页</a>"))
        #expect(site.read("Output/zh/index.html").contains("<a href=\"ipo.html\">上市</a>"))
        #expect(site.read("Output/index.html").contains("<a href=\"ipo.html\">the IPO</a>"))
    }

    @Test func eachLanguageHasItsOwnMenuAndReadingOrder() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        let zh = site.read("Output/zh/ipo.html")
        // The menu is nav's articles that have a Chinese version; previous/next stay in Chinese.
        #expect(zh.contains("<li><a href=\"ipo.html\" aria-current=\"page\">上市</a></li>"))
        #expect(!zh.contains(">Debt</a>"))
        #expect(!zh.contains("rel=\"next\""))
        #expect(site.read("Output/zh/index.html").contains("<a class=\"site-title\" href=\"index.html\">金丝雀</a>"))
        let en = site.read("Output/ipo.html")
        #expect(en.contains(">Debt</a></li>") && en.contains("rel=\"next\""))
        #expect(!en.contains("上市"))
    }

    @Test func theSitemapListsAlternatesAndEachLanguageHasAFeed() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build(BuildOptions(baseURL: "https://example.org/canary"))
        let sitemap = site.read("Output/sitemap.xml")
        #expect(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
        let ipoEntry = try #require(
            sitemap.split(separator: "<url>").first { $0.contains("<loc>https://example.org/canary/ipo.html</loc>") })
        #expect(ipoEntry.contains("<xhtml:link rel=\"alternate\" hreflang=\"zh\" href=\"https://example.org/canary/zh/ipo.html\"/>"))
        #expect(ipoEntry.contains("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/canary/ipo.html\"/>"))
        let debtEntry = try #require(sitemap.split(separator: "<url>").first { $0.contains("/debt.html</loc>") })
        #expect(!debtEntry.contains("xhtml:link"))
        let feed = site.read("Output/feed.xml")
        let zhFeed = site.read("Output/zh/feed.xml")
        #expect(feed.contains("<title>The IPO</title>") && !feed.contains("上市"))
        #expect(zhFeed.contains("<title>金丝雀</title>") && zhFeed.contains("<title>上市</title>") && !zhFeed.contains("Debt"))
        #expect(zhFeed.contains("<link rel=\"self\" href=\"https://example.org/canary/zh/feed.xml\"/>"))
        #expect(site.read("Output/zh/ipo.html").contains("href=\"feed.xml\">"))
    }

    @Test func aLanguageWithoutAHomePageOrWithABadCodeIsAnError() throws {
        let noHome = try SiteFixture(Self.project.replacingOccurrences(of: "-- Content/index.zh.md --", with: "-- Content/notes.zh.md --"))
        defer { noHome.remove() }
        let errors = noHome.errors()
        #expect(errors.map(\.location.path) == ["Content/index.zh.md"])
        #expect(errors.first?.message.contains("languages:") == true)

        let bad = try SiteFixture(Self.project.replacingOccurrences(of: "  zh: {title", with: "  zh_CN!: {title"))
        defer { bad.remove() }
        #expect(
            bad.errors().map(\.description) == [
                "Content/site.yml:4:3: 'zh_CN!' is not a language code; expected one like zh, zh-Hans or pt-BR (letters and digits in parts joined by '-')"
            ])

        let main = try SiteFixture(Self.project.replacingOccurrences(of: "  zh: {title", with: "  en: {title"))
        defer { main.remove() }
        #expect(main.errors().first?.message.contains("the site's main language") == true)
    }

    @Test func aWordTheThemeUsesThatALanguageLacksIsAnErrorNamingBoth() throws {
        let site = try SiteFixture(
            Self.project + """

                -- Templates/layouts/page.mustache --
                <html lang="{{site.language}}"><p>{{words.byline_note}}</p>{{{page.content}}}</html>
                -- Templates/i18n/en.yml --
                byline_note: Our analysis
                """, theme: false)
        defer { site.remove() }
        site.expectOneMissingWord("byline_note", language: "zh")
    }

    @Test func aRebuildAfterEditsInBothLanguagesIsTheCleanBuild() throws {
        let site = try SiteFixture(Self.project)
        defer { site.remove() }
        try site.build()
        try site.write("Content/ipo.zh.md", "---\ntitle: 上市（修订）\ndate: 2025-03-28\n---\n新的正文。\n")
        try site.write("Content/debt.zh.md", "---\ntitle: 债务\n---\n回到[上市](ipo.md)。\n")
        try site.build()
        let clean = try SiteFixture(
            Self.project + "\n-- Content/debt.zh.md --\n---\ntitle: 债务\n---\n回到[上市](ipo.md)。\n")
        defer { clean.remove() }
        try clean.write("Content/ipo.zh.md", "---\ntitle: 上市（修订）\ndate: 2025-03-28\n---\n新的正文。\n")
        try clean.build()
        #expect(site.tree() == clean.tree())
        #expect(switcher(site.read("Output/debt.html")) == ["en": "debt.html", "zh": "zh/debt.html"])
        #expect(site.read("Output/zh/debt.html").contains("<a href=\"ipo.html\">上市</a>"))
    }

    /// The same data, written the way each page's language writes numbers (SPEC §8).
    static let numbers = """
        -- Content/site.yml --
        title: Capex
        languages:
          zh: {title: 资本开支}
        -- Content/data/capex.csv --
        company,plan_usd_b,debt_usd_m
        Meta,65,-863.4
        Microsoft,80,12345
        -- Content/data/capex.meta.yml --
        units: {plan_usd_b: USD billions, debt_usd_m: USD millions}
        labels: {plan_usd_b: Planned capex}
        labels_zh: {plan_usd_b: 资本开支计划, company: 公司}
        -- Content/index.md --
        ---
        title: Capex
        ---
        Meta plans `=capex.plan_usd_b[company=Meta]`; the two together `=sum(capex.plan_usd_b)`.

        ```table
        data: capex
        ```

        ```chart
        type: bar
        data: capex
        x: company
        y: plan_usd_b
        title: Microsoft plans the most
        labels: true
        ```
        -- Content/index.zh.md --
        ---
        title: 资本开支
        ---
        Meta 计划投入 `=capex.plan_usd_b[company=Meta]`，两家合计 `=sum(capex.plan_usd_b)`。

        ```table
        data: capex
        ```

        ```chart
        type: bar
        data: capex
        x: company
        y: plan_usd_b
        title: 微软计划投入最多
        labels: true
        ```
        """

    @Test func numbersAndColumnNamesInProseTablesAndChartsFollowThePageLanguage() throws {
        let site = try SiteFixture(Self.numbers)
        defer { site.remove() }
        try site.build()
        let en = site.read("Output/index.html")
        #expect(en.contains("<data value=\"65\">$65B</data>") && en.contains("$145B</data>"))
        #expect(en.contains("−$863M") && en.contains("$12.3B"))
        let zh = site.read("Output/zh/index.html")
        #expect(zh.contains("<data value=\"65\">650亿美元</data>"))
        #expect(zh.contains("1450亿美元</data>"))
        // The table's cells, the chart's labels and tooltips.
        #expect(zh.contains("−8.63亿美元") && zh.contains("123亿美元"))
        #expect(zh.contains("<title>Microsoft: 800亿美元</title>") || zh.contains("Microsoft · 800亿美元") || zh.contains("800亿美元</text>"))
        #expect(!zh.contains("$65B") && !zh.contains("$80B"))
        // Column names from labels_zh on the Chinese page, from labels on the English one.
        #expect(zh.contains("<th scope=\"col\" class=\"num\">资本开支计划</th>") && zh.contains("<th scope=\"col\">公司</th>"))
        #expect(en.contains("<th scope=\"col\" class=\"num\">Planned capex</th>") && !en.contains("资本开支计划"))
        let svg = site.read("Output/charts/zh/index.chart-1.svg")
        #expect(svg.contains("800亿美元") && !svg.contains("$80B"))
        // The chart's description is in the page's language too.
        #expect(svg.contains("共2个数值，从Meta到Microsoft。最高800亿美元（Microsoft），最低650亿美元（Meta），最新800亿美元（Microsoft）。"))
        #expect(site.read("Output/charts/index.chart-1.svg").contains("2 values, Meta to Microsoft. Highest $80B (Microsoft)"))
    }

    @Test func aTemplatePageHasATranslationWithItsOwnPagesAndLinks() throws {
        let site = try SiteFixture(
            Self.project + """

                -- Content/data/firms.csv --
                firm,plan_usd_b
                Meta,65
                Alphabet,75
                -- Content/firms/[firm].md --
                ---
                title: "{firm}"
                rows: firms
                ---
                {firm} plans `=firms.plan_usd_b[firm=@firm]|usd_b`.
                -- Content/firms/[firm].zh.md --
                ---
                title: "{firm}（中文）"
                rows: firms
                ---
                {firm} 计划投入 `=firms.plan_usd_b[firm=@firm]|usd_b`，见[Meta 页面]([firm=Meta].md)。
                -- Content/debt.zh.md --
                ---
                title: 债务
                ---
                [Meta](firms/[firm=Meta].md)
                """)
        defer { site.remove() }
        try site.build()
        let pages = site.tree().keys.filter { $0.contains("firms/") }.sorted()
        #expect(pages == ["firms/alphabet.html", "firms/meta.html", "zh/firms/alphabet.html", "zh/firms/meta.html"])
        let zh = site.read("Output/zh/firms/meta.html")
        #expect(zh.contains("<title>Meta（中文） · 金丝雀</title>") && zh.contains("650亿美元"))
        #expect(switcher(zh) == ["en": "../../firms/meta.html", "zh": "meta.html"])
        // A link to one page of the template goes to the page in the same language.
        #expect(site.read("Output/zh/debt.html").contains("<a href=\"firms/meta.html\">Meta</a>"))
        #expect(zh.contains("<a href=\"meta.html\">Meta 页面</a>"))
    }

    @Test func aSiteInOneLanguageHasNoSwitcherOrAlternates() throws {
        let site = try SiteFixture(
            """
            -- Content/site.yml --
            title: One
            -- Content/index.md --
            ---
            title: Home
            ---
            Hi.
            """)
        defer { site.remove() }
        try site.build()
        let home = site.read("Output/index.html")
        #expect(!home.contains("class=\"languages\"") && !home.contains("hreflang"))
    }
}
