import FolioCharts
import FolioFormat

/// Charts in the shape the report uses, one per type, for goldens and structural tests.
enum ChartFixtures {
    static let years = ["2022", "2023", "2024"]
    static let source = ChartSource(text: "Source: CoreWeave S-1 (2025-03-03)", url: "https://www.sec.gov/")

    static let bar = ChartSpec(
        type: .bar, title: "Revenue grew more than a hundredfold in two years",
        subtitle: "CoreWeave revenue, USD, 2022–2024", categories: years,
        series: [ChartSeries(name: "Revenue", values: [15.8, 228.9, 1915.4])], format: NumberFormat(.usdM),
        labels: true, annotations: [ChartAnnotation(category: "2024", text: "S-1 filed March 2025")], source: source
    )

    static let hbar = ChartSpec(
        type: .hbar, title: "Stargate's pledge dwarfs a single year of any hyperscaler's spend",
        subtitle: "USD billions", categories: ["Stargate (four years)", "Amazon 2025", "Microsoft 2025", "Alphabet 2025", "Meta 2025"],
        series: [ChartSeries(name: "Capital spending", values: [500, 100, 80, 75, 65])], format: NumberFormat(.usdB),
        labels: true, annotations: [ChartAnnotation(category: "Stargate (four years)", text: "Announced Jan 2025")],
        source: ChartSource(text: "Source: Company statements"),
        note: "Stargate is a multi-year total, not one year's spend."
    )

    static let groupedBar = ChartSpec(
        type: .groupedBar, title: "Losses grew alongside revenue", subtitle: "CoreWeave, USD, 2022–2024",
        categories: years,
        series: [
            ChartSeries(name: "Revenue", values: [15.8, 228.9, 1915.4]),
            ChartSeries(name: "Net loss", values: [-31.1, -593.7, -863.4]),
        ],
        format: NumberFormat(.usdM), labels: true, source: source
    )

    static let stackedBar = ChartSpec(
        type: .stackedBar, title: "Two customers make up most of the revenue", subtitle: "Revenue by customer, USD",
        categories: years,
        series: [
            ChartSeries(name: "Microsoft", values: [2, 80, 1190]),
            ChartSeries(name: "Second customer", values: [4, 40, 290]),
            ChartSeries(name: "Everyone else", values: [9.8, 108.9, 435.4]),
            ChartSeries(name: "Credits", values: [0, -10, -40]),
        ],
        format: NumberFormat(.usdM), labels: true, source: source
    )

    static let line = ChartSpec(
        type: .line, title: "Capital spending keeps climbing",
        subtitle: "Annual capital expenditure, USD billions",
        categories: ["2019", "2020", "2021", "2022", "2023", "2024", "2025"],
        series: [
            ChartSeries(name: "Microsoft", values: [13.9, 15.4, 20.6, 23.9, 28.1, 44.5, 80]),
            ChartSeries(name: "Alphabet", values: [23.5, 22.3, 24.6, 31.5, 32.3, 52.5, 75]),
            ChartSeries(name: "Meta", values: [15.1, 15.7, 18.6, 31.4, 28.1, 39.2, 65]),
        ],
        format: NumberFormat(.usdB), annotations: [ChartAnnotation(category: "2022", text: "ChatGPT launches")],
        source: ChartSource(text: "Source: Company filings")
    )

    static let area = ChartSpec(
        type: .area, title: "Remaining contract value piled up in 2024", subtitle: "Backlog, USD billions",
        categories: ["Q1 2023", "Q2 2023", "Q3 2023", "Q4 2023", "Q1 2024", "Q2 2024", "Q3 2024", "Q4 2024"],
        series: [ChartSeries(name: "Backlog", values: [1.2, 2.1, 4.0, 6.9, nil, 12.5, 15.1, 15.1])],
        format: NumberFormat(.usdB), labels: true, source: source
    )

    static let range = ChartSpec.range(
        title: "Meta guided a range; the others named one number", subtitle: "2025 capital spending plans, USD",
        categories: ["Meta", "Microsoft", "Alphabet", "Amazon"], low: [60, 80, 75, 100], high: [65, 80, 75, 105],
        format: NumberFormat(.usdB), source: ChartSource(text: "Source: Earnings calls, January–February 2025")
    )

    static let waterfall = ChartSpec(
        type: .waterfall, title: "Interest and depreciation turned gross profit into a loss",
        subtitle: "CoreWeave 2024, USD", categories: ["Revenue", "Cost of revenue", "Operating costs", "Interest", "Other"],
        series: [ChartSeries(name: "Change", values: [1915.4, -493.0, -1098.0, -360.6, -827.2])],
        format: NumberFormat(.usdM), labels: true, total: "Net loss", source: source
    )

    static let dot = ChartSpec(
        type: .dot, title: "Every company spent more than it planned", subtitle: "2025 capital spending, USD",
        categories: ["Microsoft", "Alphabet", "Amazon", "Meta"],
        series: [ChartSeries(name: "Plan", values: [80, 75, 100, 62.5]), ChartSeries(name: "Actual", values: [88, 91, 125, 70])],
        format: NumberFormat(.usdB), labels: true, source: ChartSource(text: "Source: Earnings calls and annual reports")
    )

    static let arrow = ChartSpec(
        type: .arrow, title: "Four of five plan to spend more in 2025", subtitle: "Capital spending, 2024 to 2025 plan, USD",
        categories: ["Amazon", "Microsoft", "Alphabet", "Meta", "Intel"],
        series: [
            ChartSeries(name: "2024", values: [83, 55.7, 52.5, 39.2, 25.8]),
            ChartSeries(name: "2025 plan", values: [100, 80, 75, 65, 20]),
        ],
        format: NumberFormat(.usdB), labels: true, source: ChartSource(text: "Source: Company filings and earnings calls")
    )

    static let donut = ChartSpec(
        type: .donut, title: "Two customers paid for more than three quarters of revenue",
        subtitle: "Share of CoreWeave revenue, 2024, percent", categories: ["Microsoft", "Second customer"],
        series: [ChartSeries(name: "Share of revenue", values: [62, 15])], format: NumberFormat(.percent), source: source
    )

    static let scatter = ChartSpec(
        type: .scatter, title: "The biggest spenders earn the most, but not in step",
        subtitle: "2024, USD billions",
        categories: ["Amazon", "Microsoft", "Alphabet", "Meta", "Oracle", "CoreWeave", "Apple", "Tesla"],
        series: [
            ChartSeries(
                name: "Capital spending", values: [83, 55.7, 52.5, 39.2, 6.9, 8.7, 9.4, 11.3], format: NumberFormat(.usdB)
            ),
            ChartSeries(name: "Operating income", values: [68.6, 109.4, 112.4, 69.4, 14.5, 0.3, 123.2, 7.1]),
        ],
        format: NumberFormat(.usdB), source: ChartSource(text: "Source: Company annual reports"), namesPoints: true
    )

    /// A reference line that crosses the tallest bar, and a shaded span.
    static let annotatedBar = ChartSpec(
        type: .bar, title: "Revenue passed the 2024 guidance", subtitle: "CoreWeave revenue, USD",
        categories: ["2021", "2022", "2023", "2024"],
        series: [ChartSeries(name: "Revenue", values: [0, 15.8, 228.9, 1915.4])], format: NumberFormat(.usdM), labels: true,
        annotations: [
            .line(at: 1500, text: "Guidance, $1.5B"), .span(from: "2021", to: "2022", text: "Before the Microsoft deal"),
        ],
        source: source
    )

    /// Small multiples: one bar chart per company, on one scale.
    static let facets: ChartSpec = {
        var spec = ChartSpec(
            type: .bar, title: "Microsoft's spending rose fastest", subtitle: "Capital spending, USD billions",
            categories: [], series: [], format: NumberFormat(.usdB), labels: true, source: ChartSource(text: "Source: Company filings")
        )
        let years = ["2022", "2023", "2024"]
        spec.facets = [
            ChartFacet(name: "Microsoft", categories: years, series: [ChartSeries(name: "Capex", values: [23.9, 28.1, 55.7])]),
            ChartFacet(name: "Alphabet", categories: years, series: [ChartSeries(name: "Capex", values: [31.5, 32.3, 52.5])]),
            ChartFacet(name: "Meta", categories: years, series: [ChartSeries(name: "Capex", values: [31.4, 28.1, nil])]),
        ]
        return spec
    }()

    static let all: [(name: String, spec: ChartSpec)] = [
        ("bar", bar), ("hbar", hbar), ("grouped-bar", groupedBar), ("stacked-bar", stackedBar), ("line", line),
        ("area", area), ("range", range), ("waterfall", waterfall), ("dot", dot), ("arrow", arrow), ("scatter", scatter), ("donut", donut),
        ("bar-annotated", annotatedBar),
    ]
}
