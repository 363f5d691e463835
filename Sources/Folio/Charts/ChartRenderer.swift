import FolioCore
import FolioFormat

/// A chart drawn as SVG, in the forms the page and the download link need.
public struct RenderedChart: Hashable, Sendable {
    /// The inline `<svg>` for desktop widths (viewBox 640 wide, scales to its container).
    /// Draws the plot, labels, annotations and note; the page renders title, subtitle and source.
    public let svg: String
    /// The inline `<svg>` laid out for phones (viewBox 360 wide), ids suffixed `-compact`.
    public let compactSVG: String
    /// `svg` then `compactSVG`: embed this; `chartStylesheet` shows the one that suits the width.
    public let inlineHTML: String
    /// A complete XML document with its own light-theme `<style>`, title, subtitle and source.
    public let standaloneSVG: String
    /// The `<desc>` text: one or two sentences with the key numbers.
    public let description: String
    /// The numbers behind the chart, formatted like it, for the table alternative.
    public let table: ChartDataTable
    /// Every `id` the inline SVGs use, so the page around them can avoid repeating one.
    public let ids: [String]
}

/// Turns a `ChartSpec` into SVG. Pure: no I/O, deterministic output for the same input.
public enum ChartRenderer {
    /// Renders `spec`. `id` must be unique on the page (e.g. `"chart-3"`); every SVG id derives from it.
    public static func render(_ spec: ChartSpec, id: String) -> RenderedChart {
        guard spec.facets.isEmpty else { return FacetRenderer.render(spec, id: ChartID.sanitized(id)) }
        let mark = spec.type.mark(for: spec)
        let description = mark.summary(format: spec.format, words: spec.words)
        let baseID = ChartID.sanitized(id)
        let wide = ChartLayout.body(spec, mark: mark, canvas: .wide)
        let compact = ChartLayout.body(spec, mark: compactMark(spec, fallback: mark), canvas: .compact)
        let svg = inline(spec, body: wide, canvas: .wide, id: baseID, description: description)
        let compactSVG = inline(spec, body: compact, canvas: .compact, id: baseID, description: description)
        return RenderedChart(
            svg: svg,
            compactSVG: compactSVG,
            inlineHTML: svg + compactSVG,
            standaloneSVG: StandaloneDocument.render(spec, body: wide, id: baseID, description: description),
            description: description,
            table: spec.namesPoints
                ? spec.dataTable.markingNames(dropped: wide.droppedLabels, droppedOnPhones: compact.droppedLabels, words: spec.words)
                : spec.dataTable,
            ids: [ChartCanvas.wide, .compact].flatMap { [baseID + $0.idSuffix + "-title", baseID + $0.idSuffix + "-desc"] }
        )
    }

    /// On phones a bar-like chart whose category names cannot wrap within their bands turns
    /// horizontal, so no name is broken mid-word or skipped.
    static func compactMark(_ spec: ChartSpec, fallback: any ChartMark) -> any ChartMark {
        guard spec.type.turnsHorizontal, let extent = fallback.extent,
            fallback.bands.count <= CategoryAxis.alwaysShown,
            !VerticalLayout.labelsFitWhole(spec, mark: fallback, extent: extent, canvas: .compact)
        else { return fallback }
        return spec.type.mark(for: spec, horizontal: true)
    }

    /// The CSS the site theme includes: colours for light and dark, mark and text classes,
    /// and the switch between the desktop and phone layouts.
    public static var chartStylesheet: String { ChartStylesheet.css }

    private static func inline(
        _ spec: ChartSpec, body: ChartBody, canvas: ChartCanvas, id: String, description: String
    ) -> String {
        var svg = SVGWriter()
        svg.inlineChart(
            title: spec.title, body: body, canvas: canvas, id: id + canvas.idSuffix,
            className: canvas.idSuffix.isEmpty ? "fc fc-wide" : "fc fc-compact", description: description)
        return svg.output
    }
}

extension SVGWriter {
    /// An inline `<svg>` of `body`, labelled by its `<title>` and `<desc>` (ids `ID-title`, `ID-desc`).
    mutating func inlineChart(title: String, body: ChartBody, canvas: ChartCanvas, id: String, className: String, description: String) {
        group(
            "svg",
            [
                ("xmlns", .text("http://www.w3.org/2000/svg")),
                ("class", .text(className)),
                ("viewBox", .text("0 0 \(SVGNumber.text(canvas.width)) \(SVGNumber.text(body.height))")),
                ("role", .text("img")), ("aria-labelledby", .text("\(id)-title \(id)-desc")),
            ]
        ) { svg in
            svg.element("title", [("id", .text("\(id)-title"))], text: title)
            svg.element("desc", [("id", .text("\(id)-desc"))], text: description)
            svg.raw(body.markup)
        }
    }
}

/// Ids safe in XML and CSS selectors, derived from the caller's chart id.
enum ChartID {
    static func sanitized(_ id: String) -> String {
        let allowed = id.unicodeScalars.map { scalar -> Character in
            let ascii = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            return ascii || scalar == "-" || scalar == "_" ? Character(scalar) : "-"
        }
        let text = String(allowed)
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic else { return "chart-" + text }
        return text
    }
}
