import FolioTestSupport

/// The value scale as the reader sees it: tick labels written as plain numbers, and their positions.
struct AxisReading {
    let ticks: [(value: Double, position: Double)]

    /// Reads `fc-tick` texts (plain `number:0` labels such as `40` or `1,200`) at their `x` or `y`.
    init(_ svg: String, along coordinate: String) {
        ticks = SVGElement.all("text", class: "fc-tick", in: svg).compactMap { tick in
            Double(tick.text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "\u{2212}", with: "-"))
                .map { ($0, tick.number(coordinate)) }
        }
    }

    /// Where `value` lies, interpolated between the first and last tick; nil with fewer than two.
    func position(_ value: Double) -> Double? {
        guard let first = ticks.first, let last = ticks.last, last.value != first.value else { return nil }
        return first.position + (value - first.value) / (last.value - first.value) * (last.position - first.position)
    }
}
