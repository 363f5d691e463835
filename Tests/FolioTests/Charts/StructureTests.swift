import FolioCharts
import FolioFormat
import FolioTestSupport
import Testing

/// Properties of the drawn SVG that must hold whatever the snapshot looks like.
@Suite struct StructureTests {
    private func bars(_ svg: String) -> [SVGElement] { SVGElement.all("rect", class: "fc-bar", in: svg) }

    @Test func largestValueHasTheTallestBar() {
        let svg = ChartRenderer.render(ChartFixtures.bar, id: "a").svg
        let heights = bars(svg).map { $0.number("height") }
        #expect(heights.count == 3)
        #expect(heights.firstIndex(of: heights.max() ?? 0) == 2)
        #expect(heights == heights.sorted())
    }

    @Test func largestValueHasTheLongestHorizontalBar() {
        let svg = ChartRenderer.render(ChartFixtures.hbar, id: "a").svg
        let widths = bars(svg).map { $0.number("width") }
        #expect(widths.count == 5)
        #expect(widths.firstIndex(of: widths.max() ?? 0) == 0)
    }

    @Test func negativeBarsLieBelowAHeavierZeroLine() throws {
        let svg = ChartRenderer.render(ChartFixtures.groupedBar, id: "a").svg
        let zero = try #require(SVGElement.all("line", class: "fc-zero", in: svg).first)
        #expect(zero.classes.contains("fc-zero-strong"))
        let zeroY = zero.number("y1")
        let negative = SVGElement.all("rect", class: "fc-fill-2", in: svg).filter { $0.classes.contains("fc-bar") }
        let positive = SVGElement.all("rect", class: "fc-fill-1", in: svg).filter { $0.classes.contains("fc-bar") }
        #expect(negative.count == 3 && positive.count == 3)
        for bar in negative { #expect(abs(bar.number("y") - zeroY) < 0.11) }
        for bar in positive { #expect(abs(bar.number("y") + bar.number("height") - zeroY) < 0.11) }
    }

    @Test func stackedNegativesStackBelowZero() throws {
        let svg = ChartRenderer.render(ChartFixtures.stackedBar, id: "a").svg
        let zeroY = try #require(SVGElement.all("line", class: "fc-zero", in: svg).first).number("y1")
        let credits = SVGElement.all("rect", class: "fc-fill-4", in: svg).filter { $0.classes.contains("fc-bar") }
        #expect(credits.count == 2)
        for bar in credits { #expect(bar.number("y") >= zeroY - 0.11) }
        let others = bars(svg).filter { !$0.classes.contains("fc-fill-4") }
        for bar in others { #expect(bar.number("y") + bar.number("height") <= zeroY + 0.11) }
    }

    @Test func zeroLineIsPlainWithoutNegatives() throws {
        let svg = ChartRenderer.render(ChartFixtures.bar, id: "a").svg
        let zero = try #require(SVGElement.all("line", class: "fc-zero", in: svg).first)
        #expect(!zero.classes.contains("fc-zero-strong"))
    }

    @Test(arguments: ChartFixtures.all.map(\.name))
    func tickLabelsAreInOrderAndCarryTheUnit(name: String) throws {
        let spec = try #require(ChartFixtures.all.first { $0.name == name }?.spec)
        guard spec.type.categoryScale != .parts else { return }  // a donut has no value axis
        let svg = ChartRenderer.render(spec, id: "a").svg
        // Ticks across (centred on their gridline) and ticks down (right-aligned left of the plot);
        // a scatter has both axes, every other type one.
        let axes = Dictionary(grouping: SVGElement.all("text", class: "fc-tick", in: svg)) { $0.attributes["text-anchor"] == "middle" }
        #expect(axes.count == (spec.type.categoryScale == .values ? 2 : 1))
        #expect(axes.keys.contains(spec.type.mark(for: spec).isHorizontal) || axes.count == 2)
        for (horizontal, ticks) in axes {
            #expect((3...6).contains(ticks.count), "\(ticks.map(\.text))")
            let positions = ticks.map { $0.number(horizontal ? "x" : "y") }
            // Values rise left to right, or bottom to top.
            #expect(positions == (horizontal ? positions.sorted() : positions.sorted(by: >)))
            #expect(ticks.last?.text.contains("$") == true)
            #expect(Set(ticks.map(\.text)).count == ticks.count)
        }
    }

    @Test func idsNeverCollideBetweenChartsOnOnePage() {
        let page = [
            ChartRenderer.render(ChartFixtures.bar, id: "chart-1"), ChartRenderer.render(ChartFixtures.line, id: "chart-2"),
        ].flatMap { [$0.svg, $0.compactSVG] }.joined()
        let ids =
            SVGElement.all("title", in: page).compactMap { $0.attributes["id"] }
            + SVGElement.all("desc", in: page).compactMap { $0.attributes["id"] }
        #expect(ids.count == 8)
        #expect(Set(ids).count == ids.count)
        for svg in SVGElement.all("svg", in: page) {
            let labelled = (svg.attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
            #expect(labelled.count == 2 && labelled.allSatisfy { ids.contains($0) })
            #expect(svg.attributes["role"] == "img")
        }
    }

    @Test func idsAreSanitized() {
        let svg = ChartRenderer.render(ChartFixtures.bar, id: "1 \"x\"<y>").svg
        #expect(svg.contains("id=\"chart-1--x--y--title\""))
    }

    @Test func descriptionStatesTheKeyNumbers() {
        let chart = ChartRenderer.render(ChartFixtures.bar, id: "a")
        #expect(chart.description.contains("$1.92B"))
        #expect(chart.description.contains("$15.8M"))
        #expect(chart.svg.contains("<desc id=\"a-desc\">\(chart.description)</desc>"))
        let range = ChartRenderer.render(ChartFixtures.range, id: "r")
        #expect(range.description.contains("Meta $60\u{2013}65B"))
        #expect(range.description.contains("Microsoft $80B"))
    }

    @Test(arguments: ChartFixtures.all.map(\.name))
    func everyDataValueAppearsInTheTable(name: String) throws {
        let spec = try #require(ChartFixtures.all.first { $0.name == name }?.spec)
        let table = ChartRenderer.render(spec, id: "a").table
        #expect(table.rows.count == spec.categories.count)
        for (row, category) in zip(table.rows, spec.categories) { #expect(row.first == category) }
        for (s, series) in spec.series.enumerated() {
            for (c, value) in series.values.enumerated() {
                #expect(table.rows[c][s + 1] == (value.map((series.format ?? spec.format).format) ?? "\u{2013}"))
            }
        }
    }

    @Test func valueLabelsUseTheChartFormat() {
        let svg = ChartRenderer.render(ChartFixtures.bar, id: "a").svg
        let labels = SVGElement.all("text", class: "fc-label", in: svg).map(\.text)
        #expect(labels == ["$15.8M", "$229M", "$1.92B"])
    }

    @Test func waterfallRunsToItsTotal() throws {
        let svg = ChartRenderer.render(ChartFixtures.waterfall, id: "a").svg
        let total = try #require(SVGElement.all("rect", class: "fc-fill-total", in: svg).first)
        let zeroY = try #require(SVGElement.all("line", class: "fc-zero", in: svg).first).number("y1")
        #expect(abs(total.number("y") - zeroY) < 0.11)  // net loss: the total hangs below zero
        let labels = SVGElement.all("text", class: "fc-label", in: svg).map(\.text)
        #expect(labels.first == "+$1.92B")
        #expect(labels.last == "\u{2212}$863M")
    }

    @Test func tickLabelsKeepTheSignWhenTheyNeedMoreDecimals() {
        let spec = ChartSpec(
            type: .line, title: "T", categories: ["a", "b"], series: [ChartSeries(name: "S", values: [0.1001, 0.1004])],
            format: NumberFormat(.fraction, showsPlus: true))
        let ticks = SVGElement.all("text", class: "fc-tick", in: ChartRenderer.render(spec, id: "a").svg).map(\.text)
        #expect(ticks == ["+10.00%", "+10.01%", "+10.02%", "+10.03%", "+10.04%"])
    }

    @Test func aHorizontalBarAxisAcrossZeroHasRoundTicksThroughZero() {
        let spec = ChartSpec(
            type: .hbar, title: "T", categories: ["a", "b"], series: [ChartSeries(name: "S", values: [0.25, -0.35])],
            format: NumberFormat(.fraction, decimals: 0, showsPlus: true), labels: true)
        let ticks = SVGElement.all("text", class: "fc-tick", in: ChartRenderer.render(spec, id: "a").svg).map(\.text)
        // Not the data's own ends (−35%, +25%), which would hide where zero is.
        #expect(ticks.contains("0%"))
        #expect(!ticks.contains("\u{2212}35%") && !ticks.contains("+25%") || ticks.count > 2)
        #expect(!NiceTicks(lower: -0.35, upper: 0.25, includeZero: true, maxCount: 2).isRound)
        #expect(NiceTicks(lower: -0.35, upper: 0.25, includeZero: true, maxCount: 4).isRound)
    }

    @Test func aSignedFormatSignsWaterfallChangesOnce() {
        var signed = ChartFixtures.waterfall
        signed.format = NumberFormat(.usdM, showsPlus: true)
        let labels = SVGElement.all("text", class: "fc-label", in: ChartRenderer.render(signed, id: "a").svg).map(\.text)
        #expect(labels == ["+$1.92B", "\u{2212}$493M", "\u{2212}$1.1B", "\u{2212}$361M", "\u{2212}$827M", "\u{2212}$863M"])
    }

    @Test func rangeDrawsAPointWhereLowEqualsHigh() {
        let svg = ChartRenderer.render(ChartFixtures.range, id: "a").svg
        #expect(SVGElement.all("rect", class: "fc-range", in: svg).count == 2)
        #expect(SVGElement.all("circle", class: "fc-range-point", in: svg).count == 2)
    }

    @Test func lineSeriesAreNamedAtTheirEndsWithoutALegend() {
        let svg = ChartRenderer.render(ChartFixtures.line, id: "a").svg
        let names = SVGElement.all("text", class: "fc-end", in: svg).map(\.text)
        #expect(Set(names) == ["Microsoft", "Alphabet", "Meta"])
        #expect(!svg.contains("fc-legend"))
        #expect(ChartRenderer.render(ChartFixtures.groupedBar, id: "a").svg.contains("fc-legend"))
    }

    @Test func noTwoDrawnLabelsOverlapInAnyFixture() {
        var drawn = 0
        for (name, spec) in ChartFixtures.all {
            let chart = ChartRenderer.render(spec, id: "a")
            for svg in [chart.svg, chart.compactSVG] {
                let boxes = ["fc-cat", "fc-label", "fc-end"].flatMap { TextBox.all($0, in: svg) }
                drawn += boxes.count
                let overlaps = TextBox.overlaps(boxes)
                #expect(overlaps.isEmpty, "\(name): \(overlaps.prefix(3))")
            }
        }
        #expect(drawn > 50, "the fixtures draw too few labels to test: \(drawn)")
    }

    @Test func coloursComeOnlyFromClasses() {
        for (_, spec) in ChartFixtures.all {
            let svg = ChartRenderer.render(spec, id: "a").svg
            #expect(!svg.contains("fill=\"#"))
            #expect(!svg.contains("style="))
        }
    }

    @Test func viewBoxScalesWithoutAFixedWidth() throws {
        let svg = try #require(SVGElement.all("svg", in: ChartRenderer.render(ChartFixtures.bar, id: "a").svg).first)
        #expect(svg.attributes["width"] == nil)
        #expect(svg.attributes["viewBox"]?.hasPrefix("0 0 640 ") == true)
    }

    @Test func stylesheetDefinesLightAndDarkColours() {
        let css = ChartRenderer.chartStylesheet
        #expect(css.contains("--chart-series-1: #0072B2;"))
        #expect(css.contains("@media (prefers-color-scheme: dark)"))
        #expect(css.contains("paint-order: stroke"))
        for slot in 1...7 { #expect(css.contains(".fc .fc-fill-\(slot) { fill: var(--chart-series-\(slot)); }")) }
    }

    @Test func standaloneDrawsTitleSubtitleAndSource() {
        let svg = ChartRenderer.render(ChartFixtures.bar, id: "a").standaloneSVG
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(SVGElement.all("text", class: "fc-title", in: svg).first?.text == ChartFixtures.bar.title)
        #expect(SVGElement.all("text", class: "fc-subtitle", in: svg).count == 1)
        #expect(SVGElement.all("text", class: "fc-source", in: svg).first?.text == "Source: CoreWeave S-1 (2025-03-03)")
        #expect(svg.contains("<style><![CDATA["))
    }
}

@Suite struct AnnotationTests {
    @Test func unmatchedAnnotationsAreReported() {
        var spec = ChartFixtures.bar
        spec.annotations = [ChartAnnotation(category: "2024", text: "a"), ChartAnnotation(category: "2031", text: "b")]
        #expect(spec.unmatchedAnnotations == [ChartAnnotation(category: "2031", text: "b")])
        let svg = ChartRenderer.render(spec, id: "a").svg
        #expect(SVGElement.all("text", class: "fc-annotation", in: svg).map(\.text) == ["a"])
    }

    @Test func annotationLeaderStopsAboveTheMarkAndItsLabel() throws {
        let svg = ChartRenderer.render(ChartFixtures.bar, id: "a").svg
        let leader = try #require(SVGElement.all("line", class: "fc-leader", in: svg).first)
        let tallest = try #require(SVGElement.all("rect", class: "fc-bar", in: svg).last)
        let label = try #require(SVGElement.all("text", class: "fc-label", in: svg).last)
        #expect(leader.number("y2") < label.number("y") - 15)
        #expect(leader.number("y2") < tallest.number("y"))
        let note = try #require(SVGElement.all("text", class: "fc-annotation", in: svg).first)
        #expect(note.number("y") < tallest.number("y"))
    }
}
