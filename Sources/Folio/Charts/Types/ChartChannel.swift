/// A block key that names value columns, each column one series of the spec, in the order
/// the type's channels list them (`y`; `low` then `high`).
public struct ChartChannel: Hashable, Sendable {
    /// The block key: `y`, `low`, `high`.
    public let key: String
    /// Whether the key takes a list of columns (`line`'s `y`) or exactly one (`bar`'s `y`).
    public let takesMany: Bool
    /// The fewest columns the key needs (`dot`'s `y` compares two or more).
    public let minimum: Int

    /// A key that takes exactly one column.
    public static func one(_ key: String) -> ChartChannel { ChartChannel(key: key, takesMany: false, minimum: 1) }

    /// A key that takes one column or a list of them; at least `minimum`.
    public static func many(_ key: String, minimum: Int = 1) -> ChartChannel {
        ChartChannel(key: key, takesMany: true, minimum: minimum)
    }
}

/// A block key beyond the columns that only some types take; the spec carries its value.
public enum ChartOption: String, CaseIterable, Hashable, Sendable {
    /// `total: LABEL`: an end bar showing the running total (`ChartSpec.total`).
    case total
    /// `label: COLUMN`: a text column naming each point (`ChartSpec.namesPoints`).
    case label
}

/// How the categories lie along their axis.
public enum CategoryScale: Hashable, Sendable {
    /// One band per category with gaps between them (bars); a few names are all shown, however they wrap.
    case bands
    /// Ordered points from edge to edge (the x of lines and areas); names may be skipped, never broken.
    case points
    /// Parts of a whole, each named beside its slice (`donut`): at most `DonutMark.partLimit`.
    case parts
    /// No categories: `x` is a numeric column on a value axis of its own (`scatter`).
    case values
}
