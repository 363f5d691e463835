import FolioFormat

/// The numbers behind a chart, formatted like the chart, for the table alternative beside it.
public struct ChartDataTable: Hashable, Sendable {
    /// The category column's header is empty; then one header per series.
    public var header: [String]
    /// One row per category: the category, then one formatted value per series ("–" when missing).
    public var rows: [[String]]
}

extension ChartSpec {
    /// The chart's data as formatted text: every value the chart draws appears here.
    public var dataTable: ChartDataTable {
        let data = ChartData(self)
        let header = [""] + data.series.map(\.name)
        let rows = data.categories.indices.map { c in
            [data.categories[c]]
                + data.series.indices.map { s in data.value(s, c).map((data.series[s].format ?? format).format) ?? "\u{2013}" }
        }
        return ChartDataTable(header: header, rows: rows)
    }
}

extension ChartDataTable {
    /// The header of the column saying whether each point is named on the chart.
    static let namedHeader = "Named on the chart"

    /// A last column saying, per row, whether its name is on the chart: "yes", "not on phones"
    /// or "no" (left out so as not to overlap another name or point).
    func markingNames(dropped: Set<Int>, droppedOnPhones: Set<Int>) -> ChartDataTable {
        let marked = rows.enumerated().map { index, row in
            row + [dropped.contains(index) ? "no" : droppedOnPhones.contains(index) ? "not on phones" : "yes"]
        }
        return ChartDataTable(header: header + [Self.namedHeader], rows: marked)
    }
}

extension ChartSpec {
    /// Annotations whose category is not on the chart (they draw nothing): for the Blocks stage
    /// to report as errors at the annotation's line.
    public var unmatchedAnnotations: [ChartAnnotation] {
        let bands = type.mark(for: self).bands
        return annotations.filter { $0.value == nil && AnnotationMatch.resolve([$0], bands: bands).isEmpty }
    }
}
