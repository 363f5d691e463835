import FolioCharts
import FolioCore
import FolioData
import FolioFormat

/// A chart block joined with its data: the spec to draw, and the rows behind it for the CSV download.
struct ResolvedChart: Sendable {
    var spec: ChartSpec
    var citation: Citation?
    var csvHeader: [String]
    var csvRows: [[String]]

    /// `language`: the page's, which the chart's numbers and column names are written in; `own`:
    /// the page made from data whose own rows the chart's `where:` reads; `words`: its chart words.
    static func resolve(
        _ request: ChartRequest, dataset: Dataset, library: DatasetLibrary, language: String = "en", own: RowBindings? = nil,
        words: ChartWords
    ) throws(Diagnostics) -> ResolvedChart {
        var problems = DiagnosticCollector()
        // A scatter's x is a value on an axis of its own; every other type's x names categories.
        let xIsValue = request.type.categoryScale == .values
        let xIndex = problems.capture { () throws(Diagnostic) in
            try xIsValue ? dataset.numericColumnIndex(request.x) : dataset.columnIndex(request.x)
        }
        let labelIndex = request.label.flatMap { label in
            problems.capture { () throws(Diagnostic) in try dataset.columnIndex(label) }
        }
        let facetIndex = request.facet.flatMap { facet in
            problems.capture { () throws(Diagnostic) in try dataset.columnIndex(facet) }
        }
        var valueIndices: [Int] = []
        for column in request.values {
            if let index = problems.capture({ () throws(Diagnostic) in try dataset.numericColumnIndex(column) }) {
                valueIndices.append(index)
            }
        }
        let rows =
            problems.capture { () throws(Diagnostic) in
                try dataset.rows(where: request.conditions, block: request.location, among: own?.candidates(in: dataset))
            } ?? []
        try problems.throwIfAny()
        guard let xIndex else { throw Diagnostics(problems.diagnostics) }
        let groups = facetIndex.map { FacetSplit.groups(rows, column: $0) }
        if let groups, let facet = request.facet, groups.count > ChartFacet.limit {
            throw Diagnostics([Diagnostic(at: facet.location, BlockIssue.tooManyFacets(count: groups.count, limit: ChartFacet.limit))])
        }
        if let groups, let facet = request.facet, !xIsValue,
            let repeated = FacetSplit.repeated(groups, categoryColumn: labelIndex ?? xIndex)
        {
            throw Diagnostics([
                Diagnostic(at: facet.location, BlockIssue.facetRepeatsCategory(facet: repeated.facet, category: repeated.category))
            ])
        }
        let limit = request.type.categoryLimit(series: valueIndices.count)
        // Aligned small multiples each draw every category of the chart; a scatter's facets only their own points.
        let drawn =
            groups.map { groups in
                xIsValue ? groups.map(\.rows.count).max() ?? 0 : Set(rows.map { $0.cells[labelIndex ?? xIndex].text }).count
            } ?? rows.count
        if drawn > limit {
            let issue =
                request.type.categoryScale == .parts
                ? BlockIssue.tooManyParts(count: drawn, type: request.type.name, limit: limit)
                : BlockIssue.tooManyCategories(
                    count: drawn, type: request.type.name, limit: limit, points: request.type.categoryScale == .points)
            throw Diagnostics([Diagnostic(at: request.data.location, issue)])
        }

        let unit = valueIndices.first.flatMap { dataset.columns[$0].unit }
        let format = (request.format ?? NumberFormat(unit: unit)).written(in: NumberLanguage.forCode(language))
        let categories = rows.map { $0.cells[labelIndex ?? xIndex].text }
        let labels = Dictionary(request.values.map { ($0.name, $0.label) }) { first, _ in first }
        var series = valueIndices.map { index in
            let column = dataset.columns[index]
            return ChartSeries(
                name: (labels[column.name] ?? nil) ?? ColumnLabel.of(column, in: language), values: rows.map { $0.cells[index].number })
        }
        if xIsValue {
            let column = dataset.columns[xIndex]
            let x = ChartSeries(
                name: ColumnLabel.of(column, in: language), values: rows.map { $0.cells[xIndex].number },
                format: NumberFormat(unit: column.unit).written(in: NumberLanguage.forCode(language)))
            series.insert(x, at: 0)
        }
        let citation = Citation.of(
            block: request.source, dataset: dataset, rows: rows, columns: valueIndices.map { dataset.columns[$0].name }, library: library)
        var spec = ChartSpec(
            type: request.type, title: request.title, subtitle: request.subtitle, categories: categories, series: series,
            format: format, labels: request.labels, annotations: request.annotations, total: request.total,
            source: citation.map { ChartSource(text: $0.text, url: $0.link) }, note: request.note, namesPoints: labelIndex != nil,
            words: words)
        if let groups {
            spec.facets = FacetSplit.facets(
                groups, categoryColumn: labelIndex ?? xIndex, alignCategories: !xIsValue, template: series,
                valueColumns: (xIsValue ? [xIndex] : []) + valueIndices)
        }
        if spec.type.categoryScale == .parts, let column = request.values.first {
            try PartsCheck.check(spec, at: column.location)
        }
        let unmatched = spec.unmatchedAnnotations.map { note in
            // A span names two categories: report the one the chart does not have.
            let missing =
                categories.contains(note.category.trimmingCharacters(in: .whitespaces)) ? note.through ?? note.category : note.category
            return Diagnostic(at: request.location, BlockIssue.annotationCategory(missing, known: categories))
        }
        if !unmatched.isEmpty { throw Diagnostics(unmatched) }
        let used = (facetIndex.map { [$0] } ?? []) + [xIndex] + valueIndices + (labelIndex.map { [$0] } ?? [])
        return ResolvedChart(
            spec: spec, citation: citation, csvHeader: used.map { dataset.columns[$0].name },
            csvRows: rows.map { row in used.map { row.cells[$0].text } })
    }
}
