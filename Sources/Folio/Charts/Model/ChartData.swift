import FolioFormat

/// The spec's values cleaned for drawing: one value per category in every series,
/// non-finite numbers turned into missing ones.
public struct ChartData: Sendable {
    public let categories: [String]
    public let series: [ChartSeries]

    public init(_ spec: ChartSpec) {
        categories = spec.categories
        series = spec.series.map { series in
            let values = spec.categories.indices.map { index -> Double? in
                guard index < series.values.count, let value = series.values[index], value.isFinite else { return nil }
                return value
            }
            return ChartSeries(name: series.name, values: values, format: series.format)
        }
    }

    /// Every present value of every series.
    public var allValues: [Double] { series.flatMap { $0.values.compactMap { $0 } } }

    var isEmpty: Bool { categories.isEmpty || allValues.isEmpty }

    /// The value of series `s` at category `c`, nil when missing.
    public func value(_ s: Int, _ c: Int) -> Double? {
        guard series.indices.contains(s), categories.indices.contains(c) else { return nil }
        return series[s].values[c]
    }
}
