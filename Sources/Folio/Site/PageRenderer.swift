import FolioBlocks
import FolioCore
import FolioMarkdown
import FolioPrint
import FolioTemplates

/// One page through the pipeline: Markdown finds the pieces of the article, Blocks renders its
/// charts, tables and inline values, links are resolved, the theme frames each chart, and
/// Markdown puts it all back and renders.
struct PageRenderer: Sendable {
    let options: MarkdownOptions
    let resolver: LinkResolver
    let blocks: BlockRenderer
    let templates: TemplateSet
    /// The theme's words in the page's language, for the chart frame.
    let words: [String: String]
    /// Renders for the print document (SPEC §9): each chart as its title, its print SVG
    /// (`print/…`, in the page's files) and its source line; links point inside the document.
    var printing = false
    /// The pages made from data parse their template's blocks once (`TemplateParses`).
    let parses = TemplateParses()
    /// And fill the skeleton of its Markdown's render.
    let bodies = BodySkeletons()

    init(
        options: MarkdownOptions, resolver: LinkResolver, blocks: BlockRenderer, templates: TemplateSet, words: [String: String],
        printing: Bool = false
    ) {
        self.options = options
        self.resolver = resolver
        self.blocks = blocks
        self.templates = templates
        self.words = words
        self.printing = printing
    }

    func render(_ page: Page) throws(Diagnostics) -> RenderedPage {
        let article = page.article
        var options = options
        options.lineOffset = article.bodyLineOffset
        let parse = { () throws(Diagnostics) in try MarkdownParser.parse(article.body, path: article.displayPath, options: options) }
        // A page made from data fills its template's skeleton when there is one; the first renders it and cuts it.
        let skeletonKey = page.bindings.map { _ in BodySkeletons.Key(template: page.loaded.file.path, lineOffset: options.lineOffset) }
        if let skeletonKey, let skeleton = bodies.skeleton(for: skeletonKey) {
            let filled = try replacements(for: skeleton.pieces, on: page)
            if let markdown = skeleton.fill(body: article.body, filled.replacements, reservedIDs: filled.reserved) {
                return RenderedPage(page: page, markdown: markdown, made: filled.made)
            }
            let markdown = try parse().render(filled.replacements, reservedIDs: filled.reserved)
            return RenderedPage(page: page, markdown: markdown, made: filled.made)
        }
        let parsed = try parse()
        let filled = try replacements(for: parsed.pieces, on: page)
        let markdown = try parsed.render(filled.replacements, reservedIDs: filled.reserved)
        if let skeletonKey {
            bodies.learn(skeletonKey) { () throws(Diagnostics) in
                try MarkdownSkeleton(
                    body: article.body, path: article.displayPath, options: options, replacements: filled.replacements,
                    reservedIDs: filled.reserved, rendered: markdown)
            }
        }
        return RenderedPage(page: page, markdown: markdown, made: filled.made)
    }

    /// What replaces each piece of the page's Markdown (by index), the ids the replacements
    /// use, and what the blocks made.
    private func replacements(
        for pieces: [MarkdownPiece], on page: Page
    ) throws(Diagnostics) -> (replacements: [Int: MarkdownReplacement], reserved: Set<String>, made: PageMade) {
        let article = page.article
        var problems = DiagnosticCollector()
        let (resolver, source) = (resolver, page.loaded.file.path)
        let pageLink: RowPageLink.Resolve = { (link, value, location) throws(Diagnostic) in
            try resolver.resolve(rowLink: link, value: value, in: article, sourcePath: source, at: location)
        }
        var pageBlocks = PageBlockRenderer(blocks, bindings: page.bindings, pageLink: pageLink, parses: parses)
        var replacements: [Int: MarkdownReplacement] = [:]
        var reserved = templates.themeIDs
        var made = PageMade()
        // A page made from data is made from its rows: editing them (not another value's) renders it again.
        if let bindings = page.bindings { made.datasets.insert(bindings.ownRows) }
        for (index, piece) in pieces.enumerated() {
            do throws(Diagnostics) {
                let output: BlockOutput?
                switch piece {
                case .fencedBlock(let block): output = try pageBlocks.render(block)
                case .inlineCode(let code): output = try pageBlocks.render(code)
                case .link(let link):
                    output = nil
                    if let url = try resolveLink(link, in: page) { replacements[index] = .url(url) }
                }
                guard let output else { continue }
                replacements[index] = .html(try place(output, on: page, at: piece.location, made: &made))
                reserved.formUnion(output.ids)
            } catch {
                problems.add(contentsOf: error.all)
            }
        }
        try problems.throwIfAny()
        return (replacements, reserved, made)
    }

    private func resolveLink(_ link: LinkDestination, in page: Page) throws(Diagnostics) -> String? {
        do {
            return try resolver.resolve(link, in: page.article, sourcePath: page.loaded.file.path)
        } catch {
            throw Diagnostics([error])
        }
    }

    /// Gives a block's artifacts their paths beside the page, frames a chart with the theme's
    /// `chart` partial, and returns the HTML that goes into the article.
    private func place(_ output: BlockOutput, on page: Page, at fence: SourceLocation, made: inout PageMade) throws(Diagnostics) -> String {
        made.records.append(output.record)
        made.datasets.formUnion(output.datasets)
        for source in output.sources where !made.sources.contains(source) { made.sources.append(source) }
        switch output.content {
        case .html(let html):
            return html
        case .chart(let frame) where printing:
            let image = "charts/\(PrintDocument.anchor(forPath: page.article.path))-\(frame.id).svg"
            if let svg = output.artifacts.first(where: { $0.kind == .svg }) {
                made.files.append(OutputFile(path: image, text: PrintSVG.printVersion(of: svg.text)))
            }
            return PrintDocument.chartFigure(title: frame.title, image: image)
        case .chart(let frame):
            let paths = ChartFiles(page: page.outputPath, chartID: frame.id)
            made.files += output.artifacts.map { OutputFile(path: paths.path(of: $0.kind), text: $0.text) }
            var context: [String: Any] = [
                "id": frame.id, "title": frame.title, "graphic": frame.graphicHTML, "table": frame.tableHTML,
                "data_url": paths.link(to: .csv), "svg_url": paths.link(to: .svg), "words": words,
            ]
            if let subtitle = frame.subtitle { context["subtitle"] = subtitle }
            if let source = frame.sourceHTML { context["source"] = source }
            do throws(Diagnostic) {
                return try templates.render(partial: DefaultPartials.chart, context: context, at: fence)
            } catch {
                throw Diagnostics([error])
            }
        }
    }
}

/// Where a chart's files go: `charts/` mirrors the pages' folders, one file name per chart
/// (`charts/a/b.chart-2.svg` for `a/b.html`), so few folders are created.
struct ChartFiles {
    let page: String
    let chartID: String

    func path(of kind: BlockArtifact.Kind) -> String {
        let stem = page.hasSuffix(".html") ? String(page.dropLast(".html".count)) : page
        return "charts/\(stem).\(chartID).\(kind.rawValue)"
    }

    /// The link from the page to the file.
    func link(to kind: BlockArtifact.Kind) -> String { RelativePath.link(from: page, to: path(of: kind)) }
}

extension MarkdownPiece {
    var location: SourceLocation {
        switch self {
        case .fencedBlock(let block): block.location
        case .inlineCode(let code): code.location
        case .link(let link): link.location
        }
    }
}
