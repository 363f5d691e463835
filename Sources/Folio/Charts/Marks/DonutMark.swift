import FolioFormat
import Foundation

/// `donut`: at most six parts of a whole as slices of a ring, clockwise from the top, each named
/// outside with its value and share; the total sits in the centre. With a `percent` or `fraction`
/// format the whole is 100%, and what the parts leave of it is a grey "Other".
struct DonutMark: OwnLayoutMark {
    let data: ChartData
    let format: NumberFormat

    /// The most parts a donut shows; past that a bar chart compares them better.
    static let partLimit = 6
    static let otherName = "Other"

    var isHorizontal: Bool { false }
    var bands: [String] { data.categories }
    var includesZero: Bool { true }

    /// The parts' values, missing and negative ones as zero (the Blocks stage refuses negatives).
    var values: [Double] { data.categories.indices.map { max(0, data.value(0, $0) ?? 0) } }

    /// 100 for `percent`, 1 for `fraction`; nil when the parts are the whole.
    var whole: Double? { format.whole }

    var partsTotal: Double { values.reduce(0, +) }

    /// What the parts leave of a stated whole, drawn as "Other"; nil when there is none.
    var rest: Double? {
        guard let whole, whole - partsTotal > whole * 1e-9 else { return nil }
        return whole - partsTotal
    }

    /// The slices in drawing order: (name, value, colour class, tooltip series).
    var slices: [(name: String, value: Double, colour: String)] {
        var slices = data.categories.indices.map { (name: data.categories[$0], value: values[$0], colour: ChartPalette.fill($0)) }
        if let rest { slices.append((Self.otherName, rest, "fc-fill-context")) }
        return slices
    }

    var extent: (lower: Double, upper: Double)? {
        guard data.allValues.contains(where: { $0 > 0 }) || rest != nil else { return nil }
        return (0, whole ?? partsTotal)
    }

    func ends(_ index: Int) -> (low: Double, high: Double)? { data.value(0, index).map { (0, $0) } }

    func valueLabels(_ index: Int, format: NumberFormat) -> (high: String?, low: String?) {
        (data.value(0, index).map(format.format), nil)
    }

    /// "$1.19B (62%)"; a share format's value is its own share.
    func labelValue(_ value: Double) -> String {
        let sum = whole ?? partsTotal
        guard whole == nil, sum > 0 else { return format.format(value) }
        return "\(format.format(value)) (\(NumberFormat(.fraction, decimals: 0).written(in: format.language).format(value / sum)))"
    }

    func draw(in plot: Plot, into svg: inout SVGWriter) {}

    func body(_ spec: ChartSpec, canvas: ChartCanvas, shared: SharedScale?) -> ChartBody {
        DonutLayout.body(spec, mark: self, canvas: canvas)
    }

    func summary(format: NumberFormat, words: ChartWords) -> String {
        let parts = slices.filter { $0.value > 0 }.map { "\($0.name) \(labelValue($0.value))" }
        guard !parts.isEmpty else { return words.noData }
        let total = rest == nil ? ChartWords.fill(words.totalOf, format.format(partsTotal)) : words.ofTheWhole
        return total + ChartSummary.list(parts, limit: Self.partLimit + 1, words: words) + words.sentenceEnd
    }
}
