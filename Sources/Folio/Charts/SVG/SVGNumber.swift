import FolioFormat

/// Coordinates printed at one decimal, locale-free, never in scientific notation, never `-0`.
enum SVGNumber {
    /// Coordinates beyond this are clamped; no chart is a million units wide.
    static let limit = 1_000_000.0

    static func text(_ value: Double) -> String {
        let clamped = value.isFinite ? min(max(value, -limit), limit) : 0
        let fixed = DecimalText.fixed(clamped, decimals: 1)
        let trimmed = fixed.hasSuffix(".0") ? String(fixed.dropLast(2)) : fixed
        return trimmed == "-0" ? "0" : trimmed
    }
}
