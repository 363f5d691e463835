import FolioPrint
import Testing

/// The print version of a chart for WeasyPrint 57, which ignores `var()` and `paint-order`.
@Suite struct PrintSVGTests {
    static let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" class="fc" width="672" height="416" viewBox="0 0 672 416"><style><![CDATA[
          .fc {
            --chart-bg: #FFFFFF;
            --chart-text: #1A1A1A;
            --chart-series-1: #0072B2;
          }
          .fc { font-family: var(--chart-font, Arial, sans-serif); }
          .fc text { fill: var(--chart-text); }
          .fc .fc-halo { paint-order: stroke; stroke: var(--chart-bg); stroke-width: 4px; stroke-linejoin: round; }
          .fc .fc-fill-1 { fill: var(--chart-series-1); }
        ]]></style>
        <rect class="fc-bar fc-fill-1" width="10" height="20"/>
        <text x="1" y="2" class="fc-label fc-halo" text-anchor="middle">$65B &amp; fc-halo</text>
        <text x="3" y="4" class="fc-cat">Meta</text>
        </svg>
        """

    @Test func everyVariableBecomesItsLightThemeValue() {
        let print = PrintSVG.printVersion(of: Self.svg)
        #expect(!print.contains("var("))
        #expect(print.contains(".fc .fc-fill-1 { fill: #0072B2; }"))
        #expect(print.contains(".fc text { fill: #1A1A1A; }"))
        // The chart font becomes faces with Arial's widths, the CJK face after them.
        #expect(print.contains("font-family: \"Liberation Sans\", Arial, \"Noto Sans CJK SC\", sans-serif;"))
        // The chart scales to the page's width by its viewBox.
        #expect(
            print.contains(
                "<svg font-family=\"Liberation Sans, Arial, Noto Sans CJK SC, sans-serif\" xmlns=\"http://www.w3.org/2000/svg\" class=\"fc\" viewBox=\"0 0 672 416\">"
            ))
    }

    @Test func aHaloedTextIsDrawnTwiceTheHaloUnderneath() {
        let print = PrintSVG.printVersion(of: Self.svg)
        #expect(!print.contains("paint-order"))
        #expect(print.contains(".fc .fc-halo-under { stroke: #FFFFFF; stroke-width: 4px;"))
        let under = "<text x=\"1\" y=\"2\" class=\"fc-label fc-halo-under\" text-anchor=\"middle\">$65B &amp; fc-halo</text>"
        let over = "<text x=\"1\" y=\"2\" class=\"fc-label\" text-anchor=\"middle\">$65B &amp; fc-halo</text>"
        let underAt = print.firstRange(of: under)
        let overAt = print.firstRange(of: over)
        #expect(underAt != nil && overAt != nil)
        if let underAt, let overAt { #expect(underAt.upperBound <= overAt.lowerBound) }
        // A text without a halo is drawn once, as it was.
        #expect(print.ranges(of: "<text x=\"3\" y=\"4\" class=\"fc-cat\">Meta</text>").count == 1)
    }
}

@Suite struct PrintDocumentTests {
    @Test func idsAndInPageLinksAreMadeDocumentWideAndLinksToOtherArticlesKept() {
        let html =
            "<h2 id=\"debt\">Debt</h2><p><a href=\"#debt\">up</a> <a href=\"#pdf-ipo--terms\">IPO</a> <a href=\"https://x.org/#a\">web</a></p>"
        let anchored = PrintDocument.anchored(html, anchor: "pdf-losses")
        #expect(
            anchored
                == "<h2 id=\"pdf-losses--debt\">Debt</h2><p><a href=\"#pdf-losses--debt\">up</a> <a href=\"#pdf-ipo--terms\">IPO</a> <a href=\"https://x.org/#a\">web</a></p>"
        )
        #expect(PrintDocument.anchor(forPath: "zh/ipo.md") == "pdf-zh-ipo")
        #expect(PrintDocument.anchor(forPath: "ipo.md", fragment: "terms") == "pdf-ipo--terms")
    }

    @Test func theContentsListEveryArticleInOrderAndTheCoverItsTitle() {
        let cover = PrintCover(
            title: "The <Canary>", description: "Capex", author: nil, dataAsOf: (word: "Data as of", date: "1 June 2025"), language: "en",
            contentsWord: "Contents", date: "2025-06-01")
        let html = PrintDocument.html(
            cover: cover,
            articles: [
                PrintArticle(anchor: "pdf-a", title: "First", html: "<p>1</p>"), PrintArticle(anchor: "pdf-b", title: "Second", html: ""),
            ])
        #expect(html.contains("<h1 class=\"report-title\">The &lt;Canary&gt;</h1>"))
        #expect(html.contains("<meta name=\"dcterms.created\" content=\"2025-06-01\">"))
        let first = html.firstRange(of: "<li><a href=\"#pdf-a\">First</a></li>")
        let second = html.firstRange(of: "<li><a href=\"#pdf-b\">Second</a></li>")
        #expect(first != nil && second != nil && (first?.upperBound ?? html.endIndex) < (second?.lowerBound ?? html.startIndex))
        #expect(html.contains("<article class=\"print-article\" id=\"pdf-b\">"))
    }
}
