/// The chart types of SPEC §4, side by side.
extension ChartType {
    public static let bar = ChartType(name: "bar", channels: [.one("y")], turnsHorizontal: true) { spec, horizontal in
        BarMark(data: ChartData(spec), horizontal: horizontal)
    }
    public static let hbar = ChartType(name: "hbar", channels: [.one("y")]) { spec, _ in
        BarMark(data: ChartData(spec), horizontal: true)
    }
    public static let groupedBar = ChartType(
        name: "grouped-bar", channels: [.many("y")], turnsHorizontal: true, barPerSeries: true
    ) {
        spec, horizontal in GroupedBarMark(data: ChartData(spec), isHorizontal: horizontal)
    }
    public static let stackedBar = ChartType(name: "stacked-bar", channels: [.many("y")], turnsHorizontal: true) {
        spec, horizontal in StackedBarMark(data: ChartData(spec), isHorizontal: horizontal)
    }
    public static let line = ChartType(name: "line", channels: [.many("y")], categoryScale: .points) { spec, _ in
        LineMark(data: ChartData(spec))
    }
    public static let area = ChartType(name: "area", channels: [.many("y")], categoryScale: .points) { spec, _ in
        AreaMark(data: ChartData(spec))
    }
    /// The label inset leaves room for the capsule's rounded end, and a unit to spare.
    public static let range = ChartType(
        name: "range", channels: [.one("low"), .one("high")], labelInset: RangeMark.thickness / 2 + 1
    ) { spec, _ in RangeMark(data: ChartData(spec)) }
    public static let waterfall = ChartType(
        name: "waterfall", channels: [.one("y")], options: [.total], turnsHorizontal: true
    ) { spec, horizontal in WaterfallMark(data: ChartData(spec), total: spec.total, horizontal: horizontal) }
    /// The label inset leaves room for the dot's radius, and a unit to spare.
    public static let dot = ChartType(
        name: "dot", channels: [.many("y", minimum: 2)], labelInset: DotMark.radius + 1
    ) { spec, _ in DotMark(data: ChartData(spec)) }
    public static let donut = ChartType(name: "donut", channels: [.one("y")], categoryScale: .parts) { spec, _ in
        DonutMark(data: ChartData(spec), format: spec.format)
    }
    public static let scatter = ChartType(
        name: "scatter", channels: [.one("y")], options: [.label], categoryScale: .values
    ) { spec, _ in ScatterMark(data: ChartData(spec), namesPoints: spec.namesPoints) }
    public static let arrow = ChartType(name: "arrow", channels: [.one("from"), .one("to")], labelInset: 1) { spec, _ in
        ArrowMark(data: ChartData(spec))
    }
}

extension ChartCatalog {
    /// The built-in types, in the order SPEC §4 lists them.
    public static let standard = ChartCatalog([
        .bar, .hbar, .groupedBar, .stackedBar, .line, .area, .range, .waterfall, .dot, .arrow, .scatter, .donut,
    ])
}
