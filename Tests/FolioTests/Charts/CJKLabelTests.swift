import FolioFormat
import FolioTestSupport
import Testing

@testable import FolioCharts

/// Chinese names: full-width glyphs measure about 1 em each, so labels still fit their box.
@Suite struct CJKLabelTests {
    static let companies = ["微软公司", "字母表公司", "亚马逊网络服务", "元宇宙平台公司"]

    @Test func fullWidthGlyphsMeasureOneEmEach() {
        let size = 12.0
        #expect(abs(TextMetrics.width("微软", size: size) - 2 * size * TextMetrics.slack) < 0.001)
        #expect(abs(TextMetrics.width("ＡＢ￥", size: size) - 3 * size * TextMetrics.slack) < 0.001)
        // Latin text of as many characters is far narrower.
        #expect(TextMetrics.width("ab", size: size) < 0.6 * TextMetrics.width("微软", size: size))
    }

    static let specs: [(String, ChartSpec)] = {
        let plan = ChartSeries(name: "计划", values: [80, 75, 100, 62.5])
        let actual = ChartSeries(name: "实际支出", values: [88, 91, 125, 70])
        func spec(_ type: ChartType) -> ChartSpec {
            ChartSpec(
                type: type, title: "每家公司的支出都超过了计划", categories: companies, series: [plan, actual], format: NumberFormat(.usdB),
                labels: true)
        }
        var facets = spec(.bar)
        facets.facets = companies.prefix(3).map { name in
            ChartFacet(name: name, categories: ["二〇二四年", "二〇二五年"], series: [ChartSeries(name: "资本支出", values: [52.5, 91.45])])
        }
        var hbar = spec(.hbar)
        hbar.series = [actual]
        return [("dot", spec(.dot)), ("arrow", spec(.arrow)), ("hbar", hbar), ("facets", facets)]
    }()

    @Test(arguments: specs.map(\.0))
    func chineseLabelsStayInsideTheChart(name: String) throws {
        let spec = try #require(Self.specs.first { $0.0 == name }?.1)
        let chart = ChartRenderer.render(spec, id: "c")
        // Small multiples: each facet's own <svg>, drawn on the phone canvas.
        let facets = chart.inlineHTML.components(separatedBy: "<svg ").dropFirst().map { ($0, ChartCanvas.compact) }
        let layouts = spec.facets.isEmpty ? [(chart.svg, ChartCanvas.wide), (chart.compactSVG, .compact)] : Array(facets)
        for (svg, canvas) in layouts {
            let boxes = SVGElement.all("text", in: svg).filter { !$0.text.isEmpty && $0.attributes["x"] != nil }.map { TextBox($0) }
            #expect(boxes.count >= 6)
            for box in boxes {
                #expect(box.left >= -0.5 && box.right <= canvas.width + 0.5, "\(name) at \(canvas.width): \(box)")
            }
            for kind in ["fc-cat", "fc-label", "fc-series-name"] {
                let overlaps = TextBox.overlaps(TextBox.all(kind, in: svg))
                #expect(overlaps.isEmpty, "\(name) \(kind) at \(canvas.width): \(overlaps)")
            }
        }
    }
}
