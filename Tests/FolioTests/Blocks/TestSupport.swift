import FolioBlocks
import FolioCore
import FolioData
import FolioQuery
import FolioTestSupport
import Foundation
import Testing

/// Swift Testing has its own `SourceLocation`; in these tests the name means folio's.
typealias SourceLocation = FolioCore.SourceLocation

/// The article every test block sits in, and the line of its opening fence.
enum Article {
    static let path = "Content/articles/ipo.md"
    static let fenceLine = 10
    static let fence = SourceLocation(path: path, line: fenceLine, column: 1)

    /// A place in the article.
    static func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    /// The place of the `n`th line of a block's body (the line after the fence is 1).
    static func body(_ n: Int, _ column: Int) -> SourceLocation {
        at(fenceLine + n, column)
    }
}

/// Datasets built in memory, as `Content/data/` would hold them.
enum Fixture {
    static let financials = """
        year,revenue_usd_m,net_loss_usd_m,segment
        2022,15.8,-31.1,cloud
        2023,228.9,-593.7,cloud
        2024,1915.4,-863.4,cloud

        """
    static let financialsMeta = """
        title: CoreWeave financials
        units: {revenue_usd_m: USD millions, net_loss_usd_m: USD millions}
        source: {title: CoreWeave S-1, url: "https://www.sec.gov/s1", date: 2025-03-03}

        """
    static let capex = """
        company,low_usd_b,high_usd_b
        Meta,60,65
        Microsoft,80,80
        Alphabet,,75

        """
    static let capexMeta = """
        units: {low_usd_b: USD billions, high_usd_b: USD billions}

        """
    /// No sidecar: values keep their text unless a format is given.
    static let counts = """
        year,count,label,measure
        2023,1200,alpha,single customer
        2024,,beta,single customer
        2024,7,gamma,all customers

        """

    static func library(_ extra: [DatasetFile] = []) throws -> DatasetLibrary {
        try DatasetLibrary(
            files: [
                file("fin.csv", financials), file("fin.meta.yml", financialsMeta), file("capex.csv", capex),
                file("capex.meta.yml", capexMeta), file("counts.csv", counts),
            ] + extra,
            basePath: "Content/data")
    }

    static func file(_ name: String, _ text: String) -> DatasetFile {
        DatasetFile(name: name, bytes: Array(text.utf8))
    }

    static func renderer(_ extra: [DatasetFile] = []) throws -> BlockRenderer {
        BlockRenderer(datasets: try library(extra))
    }

    /// A renderer with the build's SQL engine, as a site has: computed values and claims need it.
    static func computingRenderer(_ extra: [DatasetFile] = []) throws -> BlockRenderer {
        let derived = try DerivedDatasets.build(try library(extra))
        return BlockRenderer(datasets: derived.library, queries: derived.queries)
    }
}

/// The diagnostics a throwing block call reports, or nil when it succeeds.
func diagnostics<T>(_ body: () throws(Diagnostics) -> T) -> [Diagnostic]? {
    do {
        _ = try body()
        return nil
    } catch {
        return error.all
    }
}

/// The diagnostic an inline value reports, or nil when it renders.
func diagnostic<T>(_ body: () throws(Diagnostic) -> T) -> Diagnostic? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// A chart block as the page gets it: the output, its frame, and its two files.
struct ChartBlock: Equatable {
    var output: BlockOutput
    var frame: ChartFrame
    /// The standalone SVG download.
    var svg: String
    /// The CSV download.
    var csv: String
}

/// Renders a chart block at `Article.fence` as the `number`th chart of its page, through the
/// same dispatch the pages use.
func chart(_ body: String, with renderer: BlockRenderer, number: Int = 1) throws -> ChartBlock {
    let output = try renderer.chart(BlockParser.chart(body, at: Article.fence, types: renderer.chartTypes), number: number)
    guard case .chart(let frame) = output.content else { throw ChartBlockError.notAChart }
    guard let svg = output.artifacts.first(where: { $0.kind == .svg })?.text else { throw ChartBlockError.noSVG }
    guard let csv = output.artifacts.first(where: { $0.kind == .csv })?.text else { throw ChartBlockError.noCSV }
    return ChartBlock(output: output, frame: frame, svg: svg, csv: csv)
}

enum ChartBlockError: Error {
    case notAChart
    case noSVG
    case noCSV
}

/// The HTML a `table` block at `Article.fence` puts on the page, through the page dispatch; output
/// that is not HTML is a test failure (and reads as "", which no positive check matches).
func table(
    _ body: String, with renderer: BlockRenderer, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws(Diagnostics) -> String {
    var page = PageBlockRenderer(renderer)
    guard let output = try page.render(FencedBlock(info: "table", body: body, location: Article.fence)),
        case .html(let html) = output.content
    else {
        Issue.record("the table block put no HTML on the page", sourceLocation: sourceLocation)
        return ""
    }
    return html
}

/// The output of an inline value written as `code` at `location`, through the page dispatch; nil when it is not one.
func inlineValue(_ code: String, with renderer: BlockRenderer, at location: SourceLocation) throws(Diagnostics) -> BlockOutput? {
    let page = PageBlockRenderer(renderer)
    return try page.render(InlineCode(code: code, location: location))
}

/// The one error an inline value reports, or nil when it renders or reports several.
func inlineError(_ code: String, with renderer: BlockRenderer, at location: SourceLocation) -> Diagnostic? {
    let found = diagnostics { () throws(Diagnostics) in try inlineValue(code, with: renderer, at: location) }
    return found?.count == 1 ? found?.first : nil
}

/// The HTML of an inline value, or nil when the span is not one.
func inlineHTML(_ code: String, with renderer: BlockRenderer, at location: SourceLocation) throws(Diagnostics) -> String? {
    guard let output = try inlineValue(code, with: renderer, at: location), case .html(let html) = output.content else { return nil }
    return html
}

/// The errors a chart block reports at `Article.fence`.
func chartErrors(_ body: String, with renderer: BlockRenderer) -> [Diagnostic]? {
    diagnostics { () throws(Diagnostics) in
        var page = PageBlockRenderer(renderer)
        return try page.render(FencedBlock(info: "chart", body: body, location: Article.fence))
    }
}

/// The errors a table block reports at `Article.fence`.
func tableErrors(_ body: String, with renderer: BlockRenderer) -> [Diagnostic]? {
    diagnostics { () throws(Diagnostics) in try table(body, with: renderer) }
}

extension String {
    /// How many times `needle` occurs.
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }

    /// Every `id="…"` value.
    var ids: [String] {
        var found: [String] = []
        var rest = self[...]
        while let start = rest.range(of: " id=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            found.append(String(rest[..<end]))
            rest = rest[end...]
        }
        return found
    }
}

/// A suite of inline values, each written in a code span whose backtick is at line 5, column 12
/// of the test article.
protocol InlineSpanSuite {
    var renderer: BlockRenderer { get }
}

extension InlineSpanSuite {
    /// The opening backtick of every span.
    static var span: SourceLocation { Article.at(5, 12) }

    func html(_ code: String) throws -> String? {
        try inlineHTML(code, with: renderer, at: Self.span)
    }

    func error(_ code: String) -> Diagnostic? {
        inlineError(code, with: renderer, at: Self.span)
    }

    /// The location of the `index`th character of the span's text (the `=` is 0).
    func inside(_ index: Int) -> SourceLocation {
        Article.at(5, 12 + 1 + index)
    }
}
