import FolioTestSupport

/// The value scale as the reader sees it: tick labels written as plain numbers, and their positions.
struct AxisReading {
    let ticks: [(value: Double, position: Double)]

    /// Reads `fc-tick` texts (plain `number:0` labels such as `40` or `1,200`) at their `x` or `y`.
    init(_ svg: String, along coordinate: String) {
        self.init(ticks: SVGElement.all("text", class: "fc-tick", in: svg), along: coordinate)
    }

    /// Reads the given tick texts at their `x` or `y`, less `shift` (a y tick's baseline sits
    /// 0.35 em below its gridline, so that the text is centred on it).
    init(ticks elements: [SVGElement], along coordinate: String, shift: Double = 0) {
        ticks = elements.compactMap { tick in
            Double(tick.text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "\u{2212}", with: "-"))
                .map { ($0, tick.number(coordinate) - shift) }
        }
    }

    /// Where `value` lies, interpolated between the first and last tick; nil with fewer than two.
    func position(_ value: Double) -> Double? {
        guard let first = ticks.first, let last = ticks.last, last.value != first.value else { return nil }
        return first.position + (value - first.value) / (last.value - first.value) * (last.position - first.position)
    }
}
