import FolioFormat

/// Small multiples (`facet:`): one phone-sized chart per facet, all on one shared scale, in a
/// CSS grid that puts two or three side by side on a desktop and one under another at 390 px.
enum FacetRenderer {
    static func render(_ spec: ChartSpec, id baseID: String) -> RenderedChart {
        let specs = spec.facets.map { facet in
            var single = spec
            single.facets = []
            single.title = facet.name
            single.subtitle = nil
            single.note = nil
            single.categories = facet.categories
            single.series = facet.series
            return single
        }
        let canvas = ChartCanvas.compact
        let marks = specs.map { $0.type.mark(for: $0) }
        let shared = sharedScale(specs, marks: marks, canvas: canvas)
        let bodies = zip(specs, marks).map { ChartLayout.body($0, mark: $1, canvas: canvas, shared: shared) }
        let words = spec.words
        let descriptions = zip(specs, marks).map { ChartWords.fill(words.labelled, $0.title, $1.summary(format: $0.format, words: words)) }
        let description = ChartSummary.list(descriptions, limit: ChartFacet.limit, separator: words.sentenceGap, words: words)
        var cells: [String] = []
        var ids: [String] = []
        for (index, (single, body)) in zip(specs, bodies).enumerated() {
            let id = "\(baseID)-f\(index + 1)"
            ids += [id + "-title", id + "-desc"]
            cells.append(cell(single, body: body, id: id, description: descriptions[index], canvas: canvas))
        }
        let html = "<div class=\"fc-facets\">\n" + cells.joined() + "</div>\n"
        var table = ChartDataTable(header: [], rows: [])
        for single in specs {
            let part = single.dataTable
            table.header = part.header
            table.rows += part.rows.map { ["\(single.title) \u{00B7} \($0.first ?? "")"] + $0.dropFirst() }
        }
        return RenderedChart(
            svg: html, compactSVG: html, inlineHTML: html,
            standaloneSVG: StandaloneDocument.render(
                spec, facets: zip(specs.map(\.title), bodies).map { ($0, $1) }, canvas: canvas, id: baseID, description: description
            ),
            description: description, table: table, ids: ids
        )
    }

    /// The one scale every facet uses: the extent of all of them, and for horizontal charts the
    /// narrowest value range any of them needs for its labels.
    static func sharedScale(_ specs: [ChartSpec], marks: [any ChartMark], canvas: ChartCanvas) -> SharedScale? {
        let extents = zip(specs, marks).compactMap { ChartLayout.extent($0, mark: $1) }
        guard let lower = extents.map(\.lower).min(), let upper = extents.map(\.upper).max() else { return nil }
        let xs = marks.compactMap { ($0 as? ScatterMark)?.xExtent }
        var shared = SharedScale(
            extent: (lower, upper),
            xExtent: xs.isEmpty ? nil : (xs.map(\.lower).min() ?? 0, xs.map(\.upper).max() ?? 0), valueRange: nil
        )
        guard marks.contains(where: { $0.isHorizontal && !($0 is any OwnLayoutMark) }) else { return shared }
        let ranges = zip(specs, marks).compactMap { ChartLayout.body($0, mark: $1, canvas: canvas, shared: shared).valueRange }
        if let start = ranges.map(\.start).max(), let end = ranges.map(\.end).min(), end > start {
            shared.valueRange = (start, end)
        }
        return shared
    }

    private static func cell(_ spec: ChartSpec, body: ChartBody, id: String, description: String, canvas: ChartCanvas) -> String {
        var svg = SVGWriter()
        svg.group("div", [("class", .text("fc-facet"))]) { svg in
            svg.element("p", [("class", .text("fc-facet-title"))], text: spec.title)
            svg.inlineChart(
                title: spec.title, body: body, canvas: canvas, id: id, className: "fc fc-facet-chart", description: description)
        }
        return svg.output
    }
}
