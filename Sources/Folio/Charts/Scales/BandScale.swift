/// Splits a pixel range into equal bands, one per category (like d3's `scaleBand`), optionally
/// with extra room after some bands (for an annotation under a row).
public struct BandScale: Sendable {
    let count: Int
    let start: Double
    /// The distance from one band's start to the next (without extra room).
    public let step: Double
    /// The width of one band, without the gap.
    public let bandwidth: Double
    private let outer: Double
    /// Extra room before band `i`: the sum of the extra after bands `0..<i`.
    private let extraBefore: [Double]

    /// `paddingInner` is the gap between bands as a share of the step; `paddingOuter` the
    /// space before the first and after the last band, in steps; `extra[i]` is added after band i.
    init(
        count: Int, range: (start: Double, end: Double), paddingInner: Double, paddingOuter: Double,
        extra: [Double] = []
    ) {
        self.count = count
        self.start = range.start
        var sums: [Double] = []
        var running = 0.0
        for index in 0..<max(0, count) {
            sums.append(running)
            running += index < extra.count ? extra[index] : 0
        }
        extraBefore = sums
        let slots = max(1, Double(count) - paddingInner + 2 * paddingOuter)
        step = (range.end - range.start - running) / slots
        bandwidth = step * (1 - paddingInner)
        outer = paddingOuter
    }

    /// The start of band `index`.
    public func position(_ index: Int) -> Double {
        let extra = extraBefore.indices.contains(index) ? extraBefore[index] : 0
        return start + step * (outer + Double(index)) + extra
    }

    /// The middle of band `index`.
    public func center(_ index: Int) -> Double { position(index) + bandwidth / 2 }
}
