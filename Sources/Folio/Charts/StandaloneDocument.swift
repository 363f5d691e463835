import FolioCore

/// The downloadable `.svg`: the desktop chart framed by its title, subtitle, note and source,
/// with the light theme's styles inside, so it is complete when shared alone.
enum StandaloneDocument {
    static let padding = 16.0

    /// Small multiples two to a row, each under its facet's name.
    static func render(
        _ spec: ChartSpec, facets: [(name: String, body: ChartBody)], canvas: ChartCanvas, id: String, description: String
    ) -> String {
        let gap = 24.0
        let headingHeight = canvas.labelLine + 4
        var svg = SVGWriter()
        var top = 0.0
        for row in stride(from: 0, to: facets.count, by: 2) {
            let cells = facets[row..<min(row + 2, facets.count)]
            for (column, facet) in cells.enumerated() {
                let x = Double(column) * (canvas.width + gap)
                svg.element(
                    "text", [("x", .number(x)), ("y", .number(top + ChartCanvas.labelSize * 0.8)), ("class", .text("fc-facet-heading"))],
                    text: facet.name
                )
                svg.group("g", [("transform", .text("translate(\(SVGNumber.text(x)),\(SVGNumber.text(top + headingHeight)))"))]) {
                    svg in svg.raw(facet.body.markup)
                }
            }
            top += headingHeight + (cells.map(\.body.height).max() ?? 0) + 12
        }
        let body = ChartBody(markup: svg.output, height: top)
        var page = spec
        page.note = nil
        return render(page, body: body, contentWidth: 2 * canvas.width + gap, id: id, description: description)
    }

    static func render(
        _ spec: ChartSpec, body: ChartBody, contentWidth: Double = ChartCanvas.wide.width, id: String, description: String
    ) -> String {
        let width = contentWidth + 2 * padding
        let title = TextBlock(spec.title, width: contentWidth, size: ChartCanvas.titleSize, className: "fc-title")
        let subtitle = TextBlock(spec.subtitle, width: contentWidth, size: ChartCanvas.subtitleSize, className: "fc-subtitle")
        let source = TextBlock(
            spec.source.map(\.text), width: contentWidth, size: ChartCanvas.noteSize,
            className: "fc-source", maxLines: 3
        )
        let titleTop = padding
        let subtitleTop = titleTop + title.height + (subtitle.lines.isEmpty ? 0 : 2)
        let bodyTop = subtitleTop + subtitle.height + 14
        let sourceTop = bodyTop + body.height + 8
        let height = (sourceTop + source.height + padding).rounded(.up)

        var svg = SVGWriter()
        svg.group(
            "svg",
            [
                ("xmlns", .text("http://www.w3.org/2000/svg")), ("class", .text("fc")),
                ("width", .number(width)), ("height", .number(height)),
                ("viewBox", .text("0 0 \(SVGNumber.text(width)) \(SVGNumber.text(height))")),
                ("role", .text("img")), ("aria-labelledby", .text("\(id)-title \(id)-desc")),
            ]
        ) { svg in
            svg.element("title", [("id", .text("\(id)-title"))], text: spec.title)
            svg.element("desc", [("id", .text("\(id)-desc"))], text: description)
            svg.raw("<style><![CDATA[\n" + ChartStylesheet.standaloneCSS + "]]></style>")
            svg.element(
                "rect", [("width", .number(width)), ("height", .number(height)), ("class", .text("fc-background"))]
            )
            title.draw(x: padding, top: titleTop, into: &svg)
            subtitle.draw(x: padding, top: subtitleTop, into: &svg)
            svg.group("g", [("transform", .text("translate(\(SVGNumber.text(padding)),\(SVGNumber.text(bodyTop)))"))]) {
                svg in
                svg.raw(body.markup)
            }
            if let url = spec.source?.url, SafeLink.isSafe(url), !source.lines.isEmpty {
                svg.group("a", [("href", .text(url))]) { svg in source.draw(x: padding, top: sourceTop, into: &svg) }
            } else {
                source.draw(x: padding, top: sourceTop, into: &svg)
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.output
    }
}
