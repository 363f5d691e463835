import FolioCore

/// The downloadable `.svg`: the desktop chart framed by its title, subtitle, note and source,
/// with the light theme's styles inside, so it is complete when shared alone.
enum StandaloneDocument {
    static let padding = 16.0

    static func render(_ spec: ChartSpec, body: ChartBody, id: String, description: String) -> String {
        let canvas = ChartCanvas.wide
        let width = canvas.width + 2 * padding
        let title = TextBlock(spec.title, width: canvas.width, size: ChartCanvas.titleSize, className: "fc-title")
        let subtitle = TextBlock(spec.subtitle, width: canvas.width, size: ChartCanvas.subtitleSize, className: "fc-subtitle")
        let source = TextBlock(
            spec.source.map(\.text), width: canvas.width, size: ChartCanvas.noteSize,
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
