import FolioFormat
import Foundation

/// Round tick values (1, 2, 2.5 or 5 × 10ⁿ) and the domain they span.
public struct NiceTicks: Hashable, Sendable {
    /// The axis domain: the first and last tick, so marks are never cropped.
    public let lower: Double
    public let upper: Double
    /// Tick values from low to high, at most `maxCount` of them.
    public let values: [Double]
    /// False when no round step fits in `maxCount` ticks and the ticks are the data's own ends
    /// (a domain across zero needs at least three).
    public let isRound: Bool

    /// Ticks covering `lower...upper` (swapped when reversed); `includeZero` for bars and areas.
    public init(lower: Double, upper: Double, includeZero: Bool, maxCount: Int = 6) {
        var low = min(lower, upper)
        var high = max(lower, upper)
        if !low.isFinite || !high.isFinite { (low, high) = (0, 1) }
        if includeZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if low == high {
            if low == 0 {
                high = 1
            } else if low > 0 {
                low = 0
            } else {
                high = 0
            }
        }
        let round = Self.search(low, high, maxCount: max(2, maxCount))
        let ticks = round ?? [low, high]
        self.isRound = round != nil
        self.lower = ticks.first ?? low
        self.upper = ticks.last ?? high
        self.values = ticks
    }

    /// The smallest round step whose ticks cover the data in at most `maxCount` ticks.
    private static func search(_ low: Double, _ high: Double, maxCount: Int) -> [Double]? {
        let span = high / 2 - low / 2
        let rough = (log10(span) + log10(2 / Double(maxCount))).rounded(.down)
        guard rough.isFinite else { return nil }
        let exponent = Int(rough)
        for power in (exponent - 1)...(exponent + 2) {
            for multiple in [1.0, 2.0, 2.5, 5.0] {
                let step = multiple * DecimalText.pow10(power)
                guard step.isFinite, step > 0 else { continue }
                let first = (low / step).rounded(.down)
                let last = (high / step).rounded(.up)
                guard last - first < 1000 else { continue }
                let count = Int(last - first) + 1
                guard count <= maxCount, count >= 2 else { continue }
                let ticks = (0..<count).map { (first + Double($0)) * step }
                guard ticks.allSatisfy(\.isFinite) else { continue }
                return ticks.map { $0 == 0 ? 0 : $0 }
            }
        }
        return nil
    }
}
