/// How many categories a chart can draw legibly (README "Bounds").
extension ChartType {
    /// Bars along the category axis: 60 leave each band about 5 units of the 310 the phone layout
    /// (390 px) gives the plot, and keep a turned chart's rows under 1,800 units tall.
    public static let barLimit = 60
    /// Points per series of a line or area: more than 2,000 is finer than any screen shows, and
    /// the page and its SVG grow with every one.
    public static let pointLimit = 2_000

    /// The most categories a chart of this type with `series` series may have.
    public func categoryLimit(series: Int) -> Int {
        switch categoryScale {
        case .points: Self.pointLimit
        case .parts: DonutMark.partLimit
        case .values: ScatterMark.pointLimit
        case .bands: barPerSeries ? max(1, Self.barLimit / max(1, series)) : Self.barLimit
        }
    }
}
