import FolioFormat

/// The sentences of `<desc>`: the key numbers, formatted like the chart.
enum ChartSummary {
    static func noData(_ words: ChartWords) -> String { words.noData }

    /// "3 values, 2022 to 2024. Highest $1.92B (2024), lowest $16M (2022), latest $1.92B (2024)."
    static func series(_ series: ChartSeries, categories: [String], format: NumberFormat, words: ChartWords) -> String {
        let present = points(series, categories: categories)
        guard let first = present.first, let last = present.last else { return words.noData }
        guard present.count > 1 else { return ChartWords.fill(words.single, first.category, format.format(first.value)) }
        let high = present.max { $0.value < $1.value } ?? first
        let low = present.min { $0.value < $1.value } ?? first
        let span = ChartWords.fill(words.span, String(present.count), first.category, last.category)
        let numbers = ChartWords.fill(
            words.highLowLatest, format.format(high.value), high.category, format.format(low.value), low.category,
            format.format(last.value),
            last.category)
        return span + words.sentenceGap + numbers
    }

    /// "Latest values (2024): Revenue $1.92B, Net loss −$863M. Highest: Revenue $1.92B (2024)."
    static func multiple(_ data: ChartData, format: NumberFormat, words: ChartWords) -> String {
        let lastIndex = data.categories.indices.last { c in data.series.indices.contains { data.value($0, c) != nil } }
        guard let lastIndex else { return words.noData }
        let latest = data.series.indices.compactMap { s in
            data.value(s, lastIndex).map { "\(data.series[s].name) \(format.format($0))" }
        }
        var text = ChartWords.fill(words.latestValues, data.categories[lastIndex], list(latest, words: words))
        var best: (series: Int, category: Int, value: Double)?
        for s in data.series.indices {
            for c in data.categories.indices {
                if let v = data.value(s, c), v > best?.value ?? -Double.infinity { best = (s, c, v) }
            }
        }
        if let best {
            text +=
                words.sentenceGap
                + ChartWords.fill(words.highestOf, data.series[best.series].name, format.format(best.value), data.categories[best.category])
        }
        return text
    }

    /// At most `limit` items joined by the language's commas (or its semicolons, `clauses`), then "and N more".
    static func list(
        _ items: [String], limit: Int = 6, clauses: Bool = false, separator given: String? = nil, words: ChartWords
    ) -> String {
        let separator = given ?? (clauses ? words.clauseSeparator : words.listSeparator)
        guard items.count > limit else { return items.joined(separator: separator) }
        return ChartWords.fill(words.andMore, items.prefix(limit).joined(separator: separator), String(items.count - limit))
    }

    static func points(_ series: ChartSeries, categories: [String]) -> [(category: String, value: Double)] {
        zip(categories, series.values).compactMap { category, value in value.map { (category, $0) } }
    }
}
