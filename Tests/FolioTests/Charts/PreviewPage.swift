import FolioCharts
import FolioFormat
import FolioTestSupport
import Foundation
import Testing

/// A page with every fixture inline (desktop and phone layouts switch by width), one page per
/// chart beside it, and two standalone SVGs: checked on every run, and kept for a look in a
/// browser with `FOLIO_PREVIEW=/tmp/charts.html swift test --filter PreviewPage`.
@Suite struct PreviewPage {
    @Test func previewPageHoldsEveryChartWithUniqueIDs() throws {
        let asked = ProcessInfo.processInfo.environment["FOLIO_PREVIEW"]
        let path = asked ?? FileManager.default.temporaryDirectory.appendingPathComponent("folio-preview-\(UUID().uuidString).html").path
        var extras = ChartFixtures.all
        extras.append(
            (
                "negative-bar",
                ChartSpec(
                    type: .bar, title: "Net loss widened every year", subtitle: "CoreWeave net loss, USD",
                    categories: ChartFixtures.years, series: [ChartSeries(name: "Net loss", values: [-31.1, -593.7, -863.4])],
                    format: NumberFormat(.usdM), labels: true,
                    annotations: [ChartAnnotation(category: "2023", text: "Debt-financed GPU purchases")]
                )
            ))
        extras.append(
            (
                "many",
                ChartSpec(
                    type: .bar, title: "Two hundred days", categories: (1...200).map { "Day \($0)" },
                    series: [ChartSeries(name: "A", values: (1...200).map { Double(($0 * 37) % 101) - 20 })],
                    format: NumberFormat(.number)
                )
            ))
        extras.append(
            (
                "long-labels",
                ChartSpec(
                    type: .bar, title: "Long category names wrap instead of rotating", subtitle: "USD billions",
                    categories: [
                        "Data centre construction", "Graphics processors and networking", "Power purchase agreements",
                        "Everything else",
                    ],
                    series: [ChartSeries(name: "Spend", values: [42, 120, 18, 9])], format: NumberFormat(.usdB), labels: true
                )
            ))
        extras.append(
            (
                "empty",
                ChartSpec(
                    type: .line, title: "Nothing reported yet", categories: ["2024"],
                    series: [ChartSeries(name: "A", values: [nil])], note: "Figures due with the 10-K."
                )
            ))
        let head = """
            <!doctype html><html><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
            body { font-family: -apple-system, "Segoe UI", Roboto, Arial, "Liberation Sans", sans-serif;
              max-width: 680px; margin: 0 auto; padding: 16px; }
            @media (prefers-color-scheme: dark) { body { background: #16181d; color: #e8e8e8; } }
            figure { margin: 0 0 48px; } h2 { font-size: 21px; margin: 0 0 4px; } p.sub { margin: 0 0 12px; color: #5c5c5c; }
            @media (prefers-color-scheme: dark) { p.sub { color: #a8adb5; } }
            \(ChartRenderer.chartStylesheet)
            </style></head><body>

            """
        var html = head
        for (index, item) in extras.enumerated() {
            let chart = ChartRenderer.render(item.spec, id: "chart-\(index)")
            var figure = "<figure><h2>\(item.spec.title)</h2><p class=\"sub\">\(item.spec.subtitle ?? "")</p>\n"
            figure += chart.inlineHTML + "</figure>\n"
            html += figure
            let single = head + figure + "</body></html>\n"
            try Data(single.utf8).write(to: URL(fileURLWithPath: path + "-\(item.name).html"))
        }
        html += "<h2>Standalone</h2>\n"
        for item in ChartFixtures.all.prefix(2) {
            let svg = ChartRenderer.render(item.spec, id: "s").standaloneSVG
            let data = Data(svg.utf8).base64EncodedString()
            html += "<img style=\"width:100%\" src=\"data:image/svg+xml;base64,\(data)\">\n"
        }
        html += "</body></html>\n"
        try Data(html.utf8).write(to: URL(fileURLWithPath: path))

        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == html)
        #expect(written.components(separatedBy: "<svg ").count - 1 == 2 * extras.count, "a wide and a phone SVG per chart")
        #expect(written.components(separatedBy: "src=\"data:image/svg+xml;base64,").count - 1 == 2)
        let ids = SVGElement.all("title", in: written).compactMap { $0.attributes["id"] }
        #expect(ids.count == 2 * extras.count)
        #expect(Set(ids).count == ids.count, "two charts on one page share an id")
        for item in extras {
            let single = path + "-\(item.name).html"
            #expect(try String(contentsOfFile: single, encoding: .utf8).contains("<h2>\(item.spec.title)</h2>"))
            if asked == nil { try FileManager.default.removeItem(atPath: single) }
        }
        if asked == nil { try FileManager.default.removeItem(atPath: path) }
    }
}
