import FolioCharts
import FolioTestSupport
import Testing

/// Golden snapshots of every chart type: the standalone document (desktop layout) and the
/// phone layout. `FOLIO_RECORD=1 swift test` re-records them.
@Suite struct GoldenTests {
    @Test(arguments: ChartFixtures.all.map(\.name))
    func chartTypeMatchesItsGoldenFiles(name: String) throws {
        let spec = try #require(ChartFixtures.all.first { $0.name == name }?.spec)
        let chart = ChartRenderer.render(spec, id: "chart-\(name)")
        try Golden.match(chart.standaloneSVG, named: name)
        try Golden.match(chart.compactSVG, named: "\(name).compact")
        try XMLLint.check(chart.standaloneSVG, "\(name) standalone")
        try XMLLint.check(chart.svg, "\(name) inline")
        try XMLLint.check(chart.compactSVG, "\(name) compact")
    }

    @Test func everyChartTypeHasAFixture() {
        #expect(Set(ChartFixtures.all.map(\.spec.type)) == Set(ChartCatalog.standard.types))
    }
}
