/// The words of a chart's description, data table and empty state in one language (SPEC §8): the
/// `chart_*` words of `Templates/i18n/LANG.yml`. Templates fill `{0}`, `{1}`, … in order.
public struct ChartWords: Hashable, Sendable {
    var noData = ""
    var noDataShort = ""
    /// One value: category, value.
    var single = ""
    /// A name and what follows it: `Meta: …`.
    var labelled = ""
    /// Count, first category, last category.
    var span = ""
    /// Highest value and category, lowest, latest.
    var highLowLatest = ""
    /// Category, the list.
    var latestValues = ""
    /// Series, value, category.
    var highestOf = ""
    /// The first items, how many more.
    var andMore = ""
    var listSeparator = ""
    var clauseSeparator = ""
    /// Between two sentences.
    var sentenceGap = ""
    var sentenceEnd = ""
    /// From series, to series, the list.
    var fromTo = ""
    /// Category, from value, to value.
    var arrowItem = ""
    /// Count, y column, highest point, lowest point.
    var points = ""
    /// First category, its change, the final total (with its label).
    var runningTotal = ""
    var largestIncrease = ""
    var largestDecrease = ""
    /// The parts' total.
    var totalOf = ""
    var ofTheWhole = ""
    var totals = ""
    /// Per scatter point: named on the chart or not.
    var namedHeader = ""
    var namedYes = ""
    var namedNotOnPhones = ""
    var namedNo = ""
    /// The donut's centre.
    var totalCaption = ""
    var namedCaption = ""

    /// Each word's name in the theme's words, and the field it fills.
    private static var fields: [(name: String, field: WritableKeyPath<ChartWords, String>)] {
        [
            ("chart_no_data", \.noData), ("chart_no_data_short", \.noDataShort), ("chart_single", \.single),
            ("chart_labelled", \.labelled), ("chart_span", \.span), ("chart_high_low_latest", \.highLowLatest),
            ("chart_latest_values", \.latestValues), ("chart_highest_of", \.highestOf), ("chart_and_more", \.andMore),
            ("chart_list_separator", \.listSeparator), ("chart_clause_separator", \.clauseSeparator),
            ("chart_sentence_gap", \.sentenceGap), ("chart_sentence_end", \.sentenceEnd), ("chart_from_to", \.fromTo),
            ("chart_arrow_item", \.arrowItem), ("chart_points", \.points), ("chart_running_total", \.runningTotal),
            ("chart_largest_increase", \.largestIncrease), ("chart_largest_decrease", \.largestDecrease),
            ("chart_total_of", \.totalOf), ("chart_of_the_whole", \.ofTheWhole), ("chart_totals", \.totals),
            ("chart_named_header", \.namedHeader), ("chart_named_yes", \.namedYes),
            ("chart_named_not_on_phones", \.namedNotOnPhones), ("chart_named_no", \.namedNo),
            ("chart_total_caption", \.totalCaption), ("chart_named_caption", \.namedCaption),
        ]
    }

    /// The names of the words a language must have for its charts (`chart_no_data`, …).
    public static var names: [String] { fields.map(\.name) }

    /// The chart words among a language's theme words (name → text). A word `words` lacks reads
    /// as its name: the site reports every missing one (`names`) before it draws a chart.
    public init(_ words: [String: String]) {
        for (name, field) in Self.fields {
            self[keyPath: field] = words[name] ?? name
        }
    }

    /// `template` with `{0}`, `{1}`, … replaced by `values`, in one pass (a value is never read as a slot).
    static func fill(_ template: String, _ values: String...) -> String {
        var output = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let index = Int(after[..<close]), values.indices.contains(index) {
                output += values[index]
                rest = after[after.index(after: close)...]
            } else {
                output += "{"
                rest = after
            }
        }
        return output + rest
    }
}
