import FolioFormat

/// The words of a chart's description, data table and empty state in one language (SPEC §8),
/// picked by the language its numbers are written in. Templates fill `{0}`, `{1}`, … in order.
struct ChartWords: Sendable {
    var noData: String
    var noDataShort: String
    /// One value: category, value.
    var single: String
    /// A name and what follows it: `Meta: …`.
    var labelled: String
    /// Count, first category, last category.
    var span: String
    /// Highest value and category, lowest, latest.
    var highLowLatest: String
    /// Category, the list.
    var latestValues: String
    /// Series, value, category.
    var highestOf: String
    /// The first items, how many more.
    var andMore: String
    var listSeparator: String
    var clauseSeparator: String
    /// Between two sentences.
    var sentenceGap: String
    var sentenceEnd: String
    /// From series, to series, the list.
    var fromTo: String
    /// Category, from value, to value.
    var arrowItem: String
    /// Count, y column, highest point, lowest point.
    var points: String
    /// First category, its change, the final total (with its label).
    var runningTotal: String
    var largestIncrease: String
    var largestDecrease: String
    /// The parts' total.
    var totalOf: String
    var ofTheWhole: String
    var totals: String
    /// Per scatter point: named on the chart or not.
    var namedHeader: String
    var named: (yes: String, notOnPhones: String, no: String)
    /// The donut's centre.
    var totalCaption: String
    var namedCaption: String

    static let english = ChartWords(
        noData: "No data.", noDataShort: "No data", single: "{0}: {1}.", labelled: "{0}: {1}", span: "{0} values, {1} to {2}.",
        highLowLatest: "Highest {0} ({1}), lowest {2} ({3}), latest {4} ({5}).", latestValues: "Latest values ({0}): {1}.",
        highestOf: "Highest: {0} {1} ({2}).", andMore: "{0} and {1} more", listSeparator: ", ", clauseSeparator: "; ", sentenceGap: " ",
        sentenceEnd: ".", fromTo: "From {0} to {1}: {2}.", arrowItem: "{0} {1} to {2}",
        points: "{0} points. Highest {1}: {2}; lowest: {3}.",
        runningTotal: "From {0} ({1}) the running total reaches {2}.", largestIncrease: "Largest increase: {0} {1}.",
        largestDecrease: "Largest decrease: {0} {1}.", totalOf: "Total {0}: ", ofTheWhole: "Of the whole: ", totals: "Totals: ",
        namedHeader: "Named on the chart", named: ("yes", "not on phones", "no"), totalCaption: "Total", namedCaption: "Named")

    static let chinese = ChartWords(
        noData: "无数据。", noDataShort: "无数据", single: "{0}：{1}。", labelled: "{0}：{1}", span: "共{0}个数值，从{1}到{2}。",
        highLowLatest: "最高{0}（{1}），最低{2}（{3}），最新{4}（{5}）。", latestValues: "最新数值（{0}）：{1}。",
        highestOf: "最高：{0} {1}（{2}）。", andMore: "{0}，另有{1}项", listSeparator: "，", clauseSeparator: "；", sentenceGap: "",
        sentenceEnd: "。", fromTo: "从{0}到{1}：{2}。", arrowItem: "{0}从{1}到{2}", points: "共{0}个点。{1}最高：{2}；最低：{3}。",
        runningTotal: "从{0}（{1}）起，累计达到{2}。", largestIncrease: "最大增加：{0} {1}。", largestDecrease: "最大减少：{0} {1}。",
        totalOf: "合计{0}：", ofTheWhole: "占整体：", totals: "合计：", namedHeader: "图中标注", named: ("是", "手机上未标注", "否"),
        totalCaption: "合计", namedCaption: "已列出")

    /// The words for a chart whose numbers are written in `format`'s language.
    static func of(_ format: NumberFormat) -> ChartWords { format.language == .chinese ? .chinese : .english }

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
