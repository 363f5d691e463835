/// The K/M/B/T step a magnitude is shown in.
public enum ScaleSuffix: Double, CaseIterable, Sendable {
    case one = 1
    case thousand = 1e3
    case million = 1e6
    case billion = 1e9
    case trillion = 1e12

    public var divisor: Double { rawValue }

    public var letter: String {
        switch self {
        case .one: ""
        case .thousand: "K"
        case .million: "M"
        case .billion: "B"
        case .trillion: "T"
        }
    }

    /// The largest step not above `magnitude`, once rounded to three significant digits
    /// (999,999 shows as `1M`, not `1000K`).
    public static func `for`(_ magnitude: Double) -> ScaleSuffix {
        let rounded = DecimalText.roundSignificant(magnitude, digits: 3)
        return allCases.last { rounded >= $0.divisor } ?? .one
    }
}
