import FolioCore

/// What one chart block, table block or inline value puts on its page and beside it.
public struct BlockOutput: Sendable, Equatable {
    /// What goes into the article where the block or code span was.
    public enum Content: Sendable, Equatable {
        /// Finished HTML (tables, inline values).
        case html(String)
        /// A chart, to be framed by the theme's `chart` partial once its files have paths.
        case chart(ChartFrame)
    }

    public var content: Content
    /// Every `id` the content emits, so heading anchors never repeat one.
    public var ids: [String]
    /// Files the block adds to the site (a chart's standalone SVG and its data as CSV); the Site
    /// stage gives them their paths.
    public var artifacts: [BlockArtifact]
    /// What the block showed, for the change report after a rebuild.
    public var record: BlockRecord
    /// The datasets the block read, by name.
    public var datasets: [String]
    /// The sources per row an inline value cites, which join the page's Sources list.
    public var sources: [Source] = []
}

/// A file a block adds to the site, without a path.
public struct BlockArtifact: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The chart as a standalone SVG document.
        case svg
        /// The rows behind the chart, as CSV.
        case csv
    }

    public var kind: Kind
    public var text: String
}

/// What a block showed: the change report compares it with the previous build's.
public struct BlockRecord: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case chart, table, value, claim
    }

    /// `chart-2`, `table 1`, an inline value as written (`=fin.revenue[year=2024]`), or a claim's text.
    public var id: String
    public var kind: Kind
    /// The chart's title; nil for tables and inline values.
    public var title: String?
    /// The dataset read; nil for CSV written in the block.
    public var dataset: String?
    /// The numbers shown, formatted: a header row then one row per category or table row; one
    /// cell for an inline value; for a claim, each operand as written and its value.
    public var cells: [[String]]
    /// The line of the article where a claim's block starts; nil for the others.
    public var line: Int? = nil
}

/// A chart ready for its frame: what the theme's `chart` partial shows around the SVG.
public struct ChartFrame: Sendable, Equatable {
    /// `chart-N`, unique on the page; the artifacts' file names use it too.
    public var id: String
    public var title: String
    public var subtitle: String?
    /// The inline SVG (desktop and phone layouts).
    public var graphicHTML: String
    /// "Source: …" as HTML, without the closing full stop; nil when neither block nor dataset names one.
    public var sourceHTML: String?
    /// The same numbers as an HTML table, for the collapsed "Show the numbers".
    public var tableHTML: String
}
