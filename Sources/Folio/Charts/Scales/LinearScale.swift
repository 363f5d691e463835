/// Maps a value domain onto a pixel range linearly; safe for domains near ±1e308.
public struct LinearScale: Sendable {
    let domain: (lower: Double, upper: Double)
    let range: (start: Double, end: Double)

    init(domain: (lower: Double, upper: Double), range: (start: Double, end: Double)) {
        self.domain = domain
        self.range = range
    }

    /// The position of `value`; halves keep `upper - lower` finite for the largest doubles.
    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upper / 2 - domain.lower / 2
        guard span > 0, span.isFinite else { return (range.start + range.end) / 2 }
        let t = (value / 2 - domain.lower / 2) / span
        return range.start + t * (range.end - range.start)
    }

    /// The position of zero, clamped into the range: the baseline of bars and areas.
    public var zero: Double {
        let lower = min(range.start, range.end)
        let upper = max(range.start, range.end)
        return min(max(self(0), lower), upper)
    }
}
