import FolioCharts
import FolioFormat
import FolioTestSupport
import Testing

/// Hostile text, degenerate and extreme data: always escaped, always valid XML, never a crash.
@Suite struct EdgeCaseTests {
    static let hostile = "<script>alert(1)</script> & \"q\u{301}\" 'a\u{301}' \u{1}\u{8}\u{1B}\u{FFFE} ]]> NaN"
    static let long = String(repeating: "Long-category-name ", count: 16)  // ~300 characters

    private func check(_ chart: RenderedChart, _ label: String) throws {
        try XMLLint.check(chart.standaloneSVG, "\(label) standalone")
        try XMLLint.check(chart.svg, "\(label) inline")
        try XMLLint.check(chart.compactSVG, "\(label) compact")
    }

    @Test(arguments: ChartCatalog.standard.types)
    func hostileTextIsEscaped(type: ChartType) throws {
        let spec = ChartSpec(
            type: type, title: Self.hostile, subtitle: Self.hostile, categories: [Self.hostile, Self.long, "ok"],
            series: [
                ChartSeries(name: Self.hostile, values: [1, -2, 3]), ChartSeries(name: Self.long, values: [2, 3, 4]),
            ],
            format: NumberFormat(.usd), labels: true,
            annotations: [ChartAnnotation(category: "ok", text: Self.hostile)], total: Self.hostile,
            source: ChartSource(text: Self.hostile, url: "javascript:alert(1)"), note: Self.hostile
        )
        let chart = ChartRenderer.render(spec, id: "x")
        try check(chart, "hostile \(type)")
        for svg in [chart.svg, chart.compactSVG, chart.standaloneSVG] {
            #expect(!svg.contains("<script"))
            #expect(!svg.contains("\"q\u{301}"))
            #expect(!svg.contains("\u{1}"))
            #expect(!svg.contains("javascript:"))
        }
        #expect(chart.standaloneSVG.contains("&lt;script&gt;"))
    }

    @Test(arguments: ChartCatalog.standard.types)
    func twoHundredRowsRender(type: ChartType) throws {
        let categories = (0..<200).map { "Row \($0)" }
        let values = (0..<200).map { Double?(Double(($0 * 37) % 101) - 20) }
        let spec = ChartSpec(
            type: type, title: "Many rows", categories: categories,
            series: [ChartSeries(name: "A", values: values), ChartSeries(name: "B", values: values.reversed())],
            format: NumberFormat(.number), labels: true, total: "End"
        )
        let chart = ChartRenderer.render(spec, id: "many")
        try check(chart, "200 rows \(type)")
        // Some category names are left out, and no two drawn labels, names or values, overlap.
        for svg in [chart.svg, chart.compactSVG] {
            let names = TextBox.all("fc-cat", in: svg)
            if svg == chart.svg, type.turnsHorizontal || type.categoryScale == .points {
                #expect(names.count < 200 && names.count >= 5, "\(type.name): \(names.count) names")
            }
            for kind in ["fc-cat", "fc-label"] {
                let overlaps = TextBox.overlaps(TextBox.all(kind, in: svg))
                #expect(overlaps.isEmpty, "\(type.name) \(kind): \(overlaps.prefix(3))")
            }
        }
    }

    @Test func textBoxesFindLabelsThatOverlap() {
        let svg = """
            <text x="100" y="50" class="fc-cat" text-anchor="middle">Revenue</text>
            <text x="130" y="50" class="fc-cat" text-anchor="middle">Net loss</text>
            <text x="300" y="50" class="fc-cat" text-anchor="middle">Capex</text>
            <text x="300" y="70" class="fc-cat" text-anchor="middle">Debt</text>
            """
        let overlaps = TextBox.overlaps(TextBox.all("fc-cat", in: svg))
        #expect(overlaps.map { [$0.0.text, $0.1.text] } == [["Revenue", "Net loss"]])
    }

    @Test(arguments: ChartCatalog.standard.types)
    func allMissingSaysNoData(type: ChartType) throws {
        let spec = ChartSpec(
            type: type, title: "Nothing yet", categories: ["2022", "2023"],
            series: [ChartSeries(name: "A", values: [nil, .nan]), ChartSeries(name: "B", values: [.infinity, nil])],
            format: NumberFormat(.usdM), labels: true, total: "Total"
        )
        let chart = ChartRenderer.render(spec, id: "none")
        try check(chart, "all missing \(type)")
        #expect(chart.svg.contains(">No data</text>"))
        #expect(chart.description == "No data.")
        #expect(!chart.svg.contains("NaN") && !chart.svg.contains("inf"))
    }

    @Test func noCategoriesSaysNoData() throws {
        let chart = ChartRenderer.render(ChartSpec(type: .bar, title: "Empty", categories: [], series: []), id: "e")
        try check(chart, "no categories")
        #expect(chart.svg.contains(">No data</text>"))
    }

    @Test(arguments: ChartCatalog.standard.types)
    func oneRowRenders(type: ChartType) throws {
        let spec = ChartSpec(
            type: type, title: "One", categories: ["2024"],
            series: [ChartSeries(name: "A", values: [42]), ChartSeries(name: "B", values: [42])],
            format: NumberFormat(.percent), labels: true
        )
        let chart = ChartRenderer.render(spec, id: "one")
        try check(chart, "one row \(type)")
        #expect(chart.svg.contains("42%"))
    }

    @Test(arguments: ChartCatalog.standard.types)
    func allNegativeHangsBelowZero(type: ChartType) throws {
        let spec = ChartSpec(
            type: type, title: "Losses", categories: ["2022", "2023", "2024"],
            series: [ChartSeries(name: "Loss", values: [-31.1, -593.7, -863.4]), ChartSeries(name: "B", values: [-1, -2, -3])],
            format: NumberFormat(.usdM), labels: true
        )
        let chart = ChartRenderer.render(spec, id: "neg")
        try check(chart, "all negative \(type)")
        guard type.categoryScale != .parts else {
            // Parts of a whole are never negative (the Blocks stage refuses them): a donut draws no slice.
            #expect(SVGElement.all("path", class: "fc-slice", in: chart.svg).isEmpty)
            return
        }
        let ticks = SVGElement.all("text", class: "fc-tick", in: chart.svg).map(\.text)
        if type != .line {
            #expect(ticks.contains("$0"), "\(ticks)")
        }
        #expect(ticks.contains { $0.hasPrefix("\u{2212}") })
        if type == .bar || type == .hbar {
            let zero = SVGElement.all("line", class: "fc-zero", in: chart.svg).first
            #expect(zero?.classes.contains("fc-zero-strong") == true)
        }
    }

    @Test(arguments: [1e15, 1e308, .greatestFiniteMagnitude])
    func hugeNumbersRender(huge: Double) throws {
        for type in ChartCatalog.standard.types {
            let spec = ChartSpec(
                type: type, title: "Huge", categories: ["a", "b"],
                series: [ChartSeries(name: "A", values: [huge, huge / 3]), ChartSeries(name: "B", values: [1, huge])],
                format: NumberFormat(.usd), labels: true
            )
            let chart = ChartRenderer.render(spec, id: "huge")
            try check(chart, "huge \(huge) \(type)")
            #expect(!chart.svg.contains("inf") && !chart.svg.contains("nan") && !chart.svg.contains("e+"))
        }
    }

    @Test func mixedHugeNegativeAndPositiveStayFinite() throws {
        let spec = ChartSpec(
            type: .bar, title: "Extremes", categories: ["a", "b"],
            series: [ChartSeries(name: "A", values: [-1e308, 1e308])], format: NumberFormat(.number)
        )
        try check(ChartRenderer.render(spec, id: "x"), "extremes")
    }

    @Test func mismatchedSeriesLengthsArePaddedWithMissing() throws {
        let spec = ChartSpec(
            type: .line, title: "Short", categories: ["a", "b", "c"],
            series: [ChartSeries(name: "A", values: [1]), ChartSeries(name: "B", values: [1, 2, 3, 4, 5])]
        )
        let chart = ChartRenderer.render(spec, id: "x")
        try check(chart, "mismatched")
        #expect(chart.table.rows.map { $0.count } == [3, 3, 3])
    }
}
