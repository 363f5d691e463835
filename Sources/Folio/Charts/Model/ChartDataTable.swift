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
    /// A last column ("Named on the chart") saying, per row, whether its name is on the chart:
    /// "yes", "not on phones" or "no" (left out so as not to overlap another name or point), in `words`.
    func markingNames(dropped: Set<Int>, droppedOnPhones: Set<Int>, words: ChartWords) -> ChartDataTable {
        let marked = rows.enumerated().map { index, row in
            row + [dropped.contains(index) ? words.namedNo : droppedOnPhones.contains(index) ? words.namedNotOnPhones : words.namedYes]
        }
        return ChartDataTable(header: header + [words.namedHeader], rows: marked)
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
