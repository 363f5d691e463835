import FolioCharts
import Testing

/// The catalog of chart types: what parsing and messages read from the declarations.
@Suite struct ChartCatalogTests {
    @Test func theStandardCatalogListsSPECsTypesInOrder() {
        #expect(
            ChartCatalog.standard.names == [
                "bar", "hbar", "grouped-bar", "stacked-bar", "line", "area", "range", "waterfall", "dot", "arrow", "scatter", "donut",
            ])
        #expect(ChartCatalog.standard.type(named: "grouped-bar") == .groupedBar)
        #expect(ChartCatalog.standard.type(named: "pie") == nil)
    }

    @Test func keysComeFromTheDeclarations() {
        let catalog = ChartCatalog.standard
        #expect(catalog.channelKeys == ["y", "low", "high", "from", "to"])
        #expect(catalog.names(taking: "from") == ["arrow"])
        #expect(catalog.options == [.total, .label])
        #expect(catalog.names(taking: "label") == ["scatter"])
        #expect(catalog.names(taking: "low") == ["range"])
        #expect(catalog.names(taking: "total") == ["waterfall"])
        #expect(
            catalog.names(taking: "y") == [
                "bar", "hbar", "grouped-bar", "stacked-bar", "line", "area", "waterfall", "dot", "scatter", "donut",
            ])
        #expect(ChartType.dot.channels == [.many("y", minimum: 2)])
        #expect(ChartType.bar.channels == [.one("y")])
        #expect(ChartType.line.channels == [.many("y")])
    }

    @Test func addingATypeOfAKnownNameReplacesItInPlace() {
        let bars = ChartType(name: "bar", channels: [.many("y")]) { spec, _ in ChartType.groupedBar.mark(for: spec) }
        let catalog = ChartCatalog.standard.adding(bars)
        #expect(catalog.names == ChartCatalog.standard.names)
        #expect(catalog.type(named: "bar")?.channels == [.many("y")])
        #expect(ChartCatalog.standard.type(named: "bar")?.channels == [.one("y")])
    }

    @Test func addingANewTypeAppendsIt() {
        let bubble = ChartType(name: "bubble", channels: [.one("size")]) { spec, _ in ChartType.bar.mark(for: spec) }
        let catalog = ChartCatalog.standard.adding(bubble)
        #expect(catalog.names.last == "bubble")
        #expect(catalog.channelKeys == ["y", "low", "high", "from", "to", "size"])
        #expect(ChartCatalog.standard.channelKeys == ["y", "low", "high", "from", "to"])
    }
}
