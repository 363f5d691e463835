import FolioFormat

/// A resolved chart: everything the renderer needs, as plain data. The Blocks stage builds it
/// from a chart block and its dataset; the renderer never reads files.
public struct ChartSpec: Hashable, Sendable {
    /// The type, which makes the mark: `ChartType.bar`, … (`ChartCatalog.standard`), or one declared elsewhere.
    public var type: ChartType
    /// The finding, in words ("Losses grew faster than revenue"); also the SVG `<title>`.
    public var title: String
    /// What is shown and in which unit ("Net loss, USD, 2022–2024").
    public var subtitle: String?
    /// Category (x) labels exactly as written in the data: `2024` stays `2024`.
    public var categories: [String]
    /// One entry per series; `values[i]` belongs to `categories[i]`, nil is missing.
    /// `range` takes exactly two: low first, then high (see `ChartSpec.range`).
    public var series: [ChartSeries]
    /// How values, ticks and labels are written.
    public var format: NumberFormat
    /// Direct value labels on the marks.
    public var labels: Bool
    /// Short notes attached to a category, drawn next to its mark.
    public var annotations: [ChartAnnotation]
    /// `waterfall` only: the label of an end bar showing the running total; nil draws none.
    public var total: String?
    /// The source line under the chart (drawn in the standalone SVG; the page renders its own).
    public var source: ChartSource?
    /// A caveat that must sit on the chart ("Multi-year total, not one year's spend").
    public var note: String?
    /// `scatter`: whether the categories are names to write beside the points (`label:`).
    public var namesPoints: Bool
    /// `facet: COLUMN`: one small chart per facet, all on one scale; empty draws one chart of
    /// `categories` and `series`.
    public var facets: [ChartFacet] = []
    /// The words its description, data table and empty state are written in: the page's language's.
    public var words: ChartWords

    public init(
        type: ChartType,
        title: String,
        subtitle: String? = nil,
        categories: [String],
        series: [ChartSeries],
        format: NumberFormat = NumberFormat(.number),
        labels: Bool = false,
        annotations: [ChartAnnotation] = [],
        total: String? = nil,
        source: ChartSource? = nil,
        note: String? = nil,
        namesPoints: Bool = false,
        words: ChartWords
    ) {
        self.namesPoints = namesPoints
        self.words = words
        self.type = type
        self.title = title
        self.subtitle = subtitle
        self.categories = categories
        self.series = series
        self.format = format
        self.labels = labels
        self.annotations = annotations
        self.total = total
        self.source = source
        self.note = note
    }

    /// A `range` chart: one bar from `low` to `high` per category, a point where they are equal.
    public static func range(
        title: String,
        subtitle: String? = nil,
        categories: [String],
        low: [Double?],
        high: [Double?],
        format: NumberFormat,
        labels: Bool = true,
        source: ChartSource? = nil,
        note: String? = nil,
        words: ChartWords
    ) -> ChartSpec {
        ChartSpec(
            type: .range, title: title, subtitle: subtitle, categories: categories,
            series: [ChartSeries(name: "Low", values: low), ChartSeries(name: "High", values: high)],
            format: format, labels: labels, source: source, note: note, words: words
        )
    }
}

/// One small multiple: the rows of one value of the facet column, drawn with the block's own x and y.
public struct ChartFacet: Hashable, Sendable {
    /// The most facets a chart draws: more are too small to compare.
    public static let limit = 12

    /// The facet column's value ("Microsoft").
    public var name: String
    public var categories: [String]
    public var series: [ChartSeries]

    public init(name: String, categories: [String], series: [ChartSeries]) {
        self.name = name
        self.categories = categories
        self.series = series
    }
}

/// One named column of values.
public struct ChartSeries: Hashable, Sendable {
    /// Shown in legends, line-end labels and the description ("Revenue").
    public var name: String
    /// One value per category; nil (and NaN or ±Infinity) is missing.
    public var values: [Double?]
    /// How this series' values are written when not in the chart's format (a scatter's x).
    public var format: NumberFormat?

    public init(name: String, values: [Double?], format: NumberFormat? = nil) {
        self.name = name
        self.values = values
        self.format = format
    }
}

/// A note on the chart: tied to one category ("S-1 filed March 2025" at `2024`), to a value
/// (a reference line), or to a span of categories (shaded).
public struct ChartAnnotation: Hashable, Sendable {
    /// The category marked, or the first of a span; must be one of the chart's categories (an
    /// unknown one draws nothing). Empty for a reference line.
    public var category: String
    public var text: String
    /// `{y: VALUE, text}`: a reference line at this value, across the plot.
    public var value: Double?
    /// `{from, to, text}`: the last category of the shaded span that starts at `category`.
    public var through: String?

    public init(category: String, text: String) {
        self.category = category
        self.text = text
    }

    /// A reference line at `value`.
    public static func line(at value: Double, text: String) -> ChartAnnotation {
        var note = ChartAnnotation(category: "", text: text)
        note.value = value
        return note
    }

    /// A shaded span from category `first` through `last`.
    public static func span(from first: String, to last: String, text: String) -> ChartAnnotation {
        var note = ChartAnnotation(category: first, text: text)
        note.through = last
        return note
    }
}

/// Where the numbers come from.
public struct ChartSource: Hashable, Sendable {
    /// The whole line, drawn as written: "Source: CoreWeave S-1 (2025-03-03)".
    public var text: String
    /// Linked in the standalone SVG when it is an `http(s)` URL.
    public var url: String?

    public init(text: String, url: String? = nil) {
        self.text = text
        self.url = url
    }
}
