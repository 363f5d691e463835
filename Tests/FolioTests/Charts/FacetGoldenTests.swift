import FolioCharts
import FolioTestSupport
import Testing

/// Golden snapshots of small multiples: the page's grid and the standalone document.
@Suite struct FacetGoldenTests {
    @Test func facetsMatchTheirGoldenFiles() throws {
        let chart = ChartRenderer.render(ChartFixtures.facets, id: "chart-facets")
        try Golden.match(chart.standaloneSVG, named: "facets")
        try Golden.match(chart.inlineHTML, named: "facets.grid")
    }
}
