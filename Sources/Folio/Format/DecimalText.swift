import Foundation

/// Locale-free decimal printing: no `String(format:)`, no `NumberFormatter`.
public enum DecimalText {
    /// Rounds to `digits` significant digits.
    public static func roundSignificant(_ value: Double, digits: Int) -> Double {
        guard value != 0, value.isFinite else { return value }
        let magnitude = Int((log10(abs(value))).rounded(.down))
        return rounded(value, decimals: digits - 1 - magnitude)
    }

    /// At most `digits` significant digits, trailing zeros dropped, thousands grouped: `863`, `1.23`, `12,300`.
    public static func significant(_ value: Double, digits: Int) -> String {
        guard value != 0 else { return "0" }
        guard value.isFinite else { return "\u{2013}" }
        var magnitude = Int((log10(abs(value))).rounded(.down))
        if abs(rounded(value, decimals: max(0, digits - 1 - magnitude))) >= pow10(magnitude + 1) {
            magnitude += 1
        }
        let decimals = max(0, digits - 1 - magnitude)
        return written(value, decimals: decimals, grouping: true, trimming: true) ?? trimmed(grouped(value, decimals: decimals))
    }

    /// Exactly `decimals` decimals, with `,` between thousands. Negative values use ASCII `-`.
    public static func grouped(_ value: Double, decimals: Int) -> String {
        written(value, decimals: decimals, grouping: true, trimming: false)
            ?? groupingThousands(fixed(value, decimals: decimals), minus: "-")
    }

    /// A count with `,` between thousands: `1,000,000`.
    public static func count(_ value: Int) -> String { groupingThousands(String(value), minus: "-") }

    /// A plain decimal as written (`-11100.5`) with `,` between thousands and a true minus
    /// (`−11,100.5`): a number in a message, all its digits kept.
    public static func groupedWritten(_ plain: String) -> String {
        groupingThousands(plain, minus: "\u{2212}")
    }

    /// `plain` (`-1234.5`) with `,` between the thousands of its integer part and `minus` for its
    /// sign; text that is not a plain decimal is returned as it is.
    private static func groupingThousands(_ plain: String, minus: String) -> String {
        let bytes = Array(plain.utf8)
        let negative = bytes.first == UInt8(ascii: "-")
        let start = negative ? 1 : 0
        let end = bytes[start...].firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
        guard bytes[start..<end].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return plain }
        var grouped: [UInt8] = negative ? Array(minus.utf8) : []
        grouped.reserveCapacity(bytes.count + 8)
        for index in start..<end {
            if index > start && (end - index) % 3 == 0 { grouped.append(UInt8(ascii: ",")) }
            grouped.append(bytes[index])
        }
        grouped += bytes[end...]
        return String(decoding: grouped, as: UTF8.self)
    }

    /// Exactly `decimals` decimals, no grouping: `-863.40`. Rounds half away from zero.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        if let text = written(value, decimals: decimals, grouping: false, trimming: false) { return text }
        // Beyond exact integers: print the integer part digit by digit from the Double.
        return (value < 0 ? "-" : "") + hugeInteger(abs(value)) + (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "")
    }

    /// `fixed`, with `,` between thousands when `grouping`, without trailing zeros (and point) when
    /// `trimming`, written in one pass: the path of every number a table or inline value shows.
    /// Nil beyond the integers a `UInt64` holds exactly, which `fixed` writes from the Double.
    private static func written(_ value: Double, decimals: Int, grouping: Bool, trimming: Bool) -> String? {
        let decimals = max(0, decimals)
        let scaled = (abs(value) * pow10(decimals)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return nil }
        let negative = value < 0 && scaled != 0
        // The scaled integer's digits, last first, padded with zeros to one before the point.
        var reversed: [UInt8] = []
        reversed.reserveCapacity(decimals + 17)
        var rest = UInt64(scaled)
        repeat {
            reversed.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        while reversed.count < decimals + 1 { reversed.append(UInt8(ascii: "0")) }
        var fraction = reversed[..<decimals]
        if trimming { fraction = fraction.drop { $0 == UInt8(ascii: "0") } }
        let whole = reversed[decimals...].reversed()
        // A sign, 16 digits with 5 commas, the point and the decimals.
        return String(unsafeUninitializedCapacity: decimals + 24) { out in
            var count = 0
            if negative {
                out[0] = UInt8(ascii: "-")
                count = 1
            }
            for (index, digit) in whole.enumerated() {
                if grouping, index > 0, (whole.count - index) % 3 == 0 {
                    out[count] = UInt8(ascii: ",")
                    count += 1
                }
                out[count] = digit
                count += 1
            }
            if !fraction.isEmpty {
                out[count] = UInt8(ascii: ".")
                count += 1
                for digit in fraction.reversed() {
                    out[count] = digit
                    count += 1
                }
            }
            return count
        }
    }

    /// Three significant digits times a power of ten, locale-free: `1.5×10²⁰`, `1×10³⁰⁸`.
    public static func powerOfTen(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return significant(value, digits: 3) }
        var exponent = Int((log10(abs(value))).rounded(.down))
        var mantissa = roundSignificant(value / pow10(exponent), digits: 3)
        if abs(mantissa) >= 10 {
            mantissa /= 10
            exponent += 1
        }
        let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let digits = String(abs(exponent)).compactMap { $0.wholeNumberValue.map { superscripts[$0] } }
        return significant(mantissa, digits: 3) + "×10" + (exponent < 0 ? "⁻" : "") + String(digits)
    }

    static func trimmed(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: ".")) else { return text }
        var text = text
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// 10ⁿ by repeated multiplication (exact for the powers doubles hold exactly).
    public static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(n) { result *= 10 }
        return n >= 0 ? result : 1 / result
    }

    /// Rounds to `decimals` decimals; a negative count rounds to tens, hundreds, ….
    static func rounded(_ value: Double, decimals: Int) -> Double {
        if decimals < 0 {
            let step = pow10(-decimals)
            return (value / step).rounded(.toNearestOrAwayFromZero) * step
        }
        let scale = pow10(decimals)
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }

    private static func hugeInteger(_ value: Double) -> String {
        // Doubles this large are integers; describe them exactly via their decimal expansion.
        var digits: [Character] = []
        var remaining = value.rounded(.down)
        while remaining >= 1 {
            let next = (remaining / 10).rounded(.down)
            let digit = Int(remaining - next * 10)
            digits.append(Character(String(max(0, min(9, digit)))))
            remaining = next
        }
        return digits.isEmpty ? "0" : String(digits.reversed())
    }
}
