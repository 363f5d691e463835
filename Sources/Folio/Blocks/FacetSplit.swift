import FolioCharts
import FolioData

/// `facet: COLUMN`: a chart's rows split by that column's value, in order of first appearance.
enum FacetSplit {
    static func groups(_ rows: [DatasetRow], column: Int) -> [(name: String, rows: [DatasetRow])] {
        var order: [String] = []
        var byName: [String: [DatasetRow]] = [:]
        for row in rows {
            let name = row.cells[column].text
            if byName[name] == nil { order.append(name) }
            byName[name, default: []].append(row)
        }
        return order.map { ($0, byName[$0] ?? []) }
    }

    /// The first group, and its category, that has two rows of one category (a small chart draws one).
    static func repeated(_ groups: [(name: String, rows: [DatasetRow])], categoryColumn: Int) -> (facet: String, category: String)? {
        for group in groups {
            var seen: Set<String> = []
            for row in group.rows where !seen.insert(row.cells[categoryColumn].text).inserted {
                return (group.name, row.cells[categoryColumn].text)
            }
        }
        return nil
    }

    /// One facet per group. With `alignCategories` every facet has every category of the chart, in
    /// order of first appearance, missing where its rows lack one (so the small charts line up);
    /// else (a scatter's points) each has its own rows. `template` names the series of `valueColumns`.
    static func facets(
        _ groups: [(name: String, rows: [DatasetRow])], categoryColumn: Int, alignCategories: Bool, template: [ChartSeries],
        valueColumns: [Int]
    ) -> [ChartFacet] {
        var all: [String] = []
        var seen: Set<String> = []
        for group in groups {
            for row in group.rows where seen.insert(row.cells[categoryColumn].text).inserted { all.append(row.cells[categoryColumn].text) }
        }
        return groups.map { group in
            let rows: [DatasetRow?] =
                alignCategories
                ? all.map { category in group.rows.first { $0.cells[categoryColumn].text == category } } : group.rows
            let series = zip(template, valueColumns).map { series, column in
                ChartSeries(name: series.name, values: rows.map { $0?.cells[column].number }, format: series.format)
            }
            return ChartFacet(
                name: group.name, categories: alignCategories ? all : group.rows.map { $0.cells[categoryColumn].text }, series: series)
        }
    }
}
