import Foundation

/// How a number is shown: the unit it is stored in, and optionally a fixed number of decimals.
/// One module for charts, tables and inline values; never depends on the machine's locale.
public struct NumberFormat: Hashable, Sendable, CustomStringConvertible {
    /// The unit a value is stored in.
    public enum Kind: String, CaseIterable, Sendable {
        case number
        case usd
        case usdK = "usd_k"
        case usdM = "usd_m"
        case usdB = "usd_b"
        case percent
        case fraction
        /// A ratio shown with `×`: 4.52 → `4.52×`; scaled like `number` from 1,000 on (`1.23K×`).
        case multiple
    }

    public var kind: Kind
    /// `FORMAT:N`: exactly N decimals (after scaling; `number:N` shows the whole value, grouped).
    public var decimals: Int?
    /// `FORMAT+`: a `+` on positive values (`+34%`); zero, and a value shown as zero, stay unsigned.
    public var showsPlus: Bool
    /// The language `format(_:)` writes in (SPEC §8): English unless a page's language says otherwise.
    public var language: NumberLanguage = .english

    public init(_ kind: Kind, decimals: Int? = nil, showsPlus: Bool = false) {
        self.kind = kind
        self.decimals = decimals
        self.showsPlus = showsPlus
    }

    /// Parses `usd_m`, `usd_m+`, `usd_m:1` or `usd_m+:1`; nil when the name, the sign or the decimals are not valid.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let showsPlus = parts[0].hasSuffix("+")
        guard let kind = Kind(rawValue: String(showsPlus ? parts[0].dropLast() : parts[0])) else { return nil }
        var decimals: Int?
        if parts.count == 2 {
            guard parts[1].allSatisfy({ ("0"..."9").contains($0) }), let n = Int(parts[1]), Self.decimalRange.contains(n) else {
                return nil
            }
            decimals = n
        }
        self.init(kind, decimals: decimals, showsPlus: showsPlus)
    }

    /// The format a column's unit implies (`USD millions` → `usd_m`, …; anything else → `number`).
    public init(unit: String?) {
        let unit = Self.trimmingBlanks((unit ?? "").lowercased())
        switch true {
        case unit.hasPrefix("usd thousand"): self.init(.usdK)
        case unit.hasPrefix("usd million"): self.init(.usdM)
        case unit.hasPrefix("usd billion"): self.init(.usdB)
        case unit == "usd" || unit.hasPrefix("usd ") || unit == "us dollars": self.init(.usd)
        case unit.hasPrefix("percent"): self.init(.percent)
        case unit.hasPrefix("fraction"): self.init(.fraction)
        case unit.hasPrefix("multiple") || unit.hasPrefix("×"): self.init(.multiple)
        default: self.init(.number)
        }
    }

    /// `text` without the tabs, spaces (any width) and zero-width spaces at its ends: what Foundation's `.whitespaces` trims.
    static func trimmingBlanks(_ text: String) -> String {
        func isBlank(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isBlank(first) || isBlank(last) else { return text }
        let kept = scalars.drop(while: isBlank).reversed().drop(while: isBlank).reversed()
        return String(String.UnicodeScalarView(kept))
    }

    public static let names = Kind.allCases.map(\.rawValue)

    /// The N of `FORMAT:N`.
    public static let decimalRange = 0...6

    /// From this magnitude on (a million trillion) digits stop being readable: `$1.5×10²⁰`.
    public static let exponentThreshold = 1e18

    public var description: String { kind.rawValue + (showsPlus ? "+" : "") + (decimals.map { ":\($0)" } ?? "") }

    /// Whether values are money (shown with `$`).
    public var isCurrency: Bool { [.usd, .usdK, .usdM, .usdB].contains(kind) }

    /// Whether values are shares (shown with `%`).
    public var isPercent: Bool { kind == .percent || kind == .fraction }

    /// The stored value a share format shows as 100% (`percent` 100, `fraction` 1); nil for the others.
    public var whole: Double? {
        switch kind {
        case .percent: 100
        case .fraction: 1
        default: nil
        }
    }

    /// The stored value in base units (dollars, or percent points for shares).
    public func baseValue(_ stored: Double) -> Double {
        switch kind {
        case .number, .usd, .percent, .multiple: stored
        case .usdK: stored * 1e3
        case .usdM: stored * 1e6
        case .usdB: stored * 1e9
        case .fraction: stored * 100
        }
    }

    /// `−$863M`, `62%`, `1.23M`.
    public func format(_ stored: Double) -> String { format(stored, in: language) }

    /// The same in `language`: in Chinese `−8.63亿美元`.
    public func format(_ stored: Double, in language: NumberLanguage) -> String {
        guard stored.isFinite else { return "–" }
        let base = baseValue(stored)
        guard base.isFinite else { return "–" }
        let parts = body(abs(base), step: nil, language)
        return sign(base, digits: parts.digits) + parts.prefix + parts.digits + parts.suffix
    }

    /// A low–high pair with the unit once: `$60–65B`; when the scales differ, both carry it.
    public func formatRange(_ low: Double, _ high: Double) -> String { formatRange(low, high, in: language) }

    /// The same format written in `language`.
    public func written(in language: NumberLanguage) -> NumberFormat {
        var format = self
        format.language = language
        return format
    }

    /// The same in `language`: in Chinese `600–650亿美元`.
    public func formatRange(_ low: Double, _ high: Double, in language: NumberLanguage) -> String {
        guard low.isFinite, high.isFinite else { return "–" }
        let lo = baseValue(low)
        let hi = baseValue(high)
        guard lo.isFinite, hi.isFinite else { return "–" }
        let shared = language.step(for: max(abs(lo), abs(hi)))
        if language.step(for: abs(lo)) == shared || kind == .number && decimals != nil {
            let a = body(abs(lo), step: .some(shared), language)
            let b = body(abs(hi), step: .some(shared), language)
            // prefix once, number–number, suffix once; each bound carries its own sign
            return sign(lo, digits: a.digits) + a.prefix + a.digits + "\u{2013}" + sign(hi, digits: b.digits) + b.digits + b.suffix
        }
        return format(low, in: language) + "\u{2013}" + format(high, in: language)
    }

    /// The prefix, digits and suffix for a non-negative base value; `step`: the one to use (`.some(nil)`:
    /// none), else the value's own.
    func body(
        _ magnitude: Double, step forced: NumberLanguage.Step??, _ language: NumberLanguage
    ) -> (prefix: String, digits: String, suffix: String) {
        let prefix = isCurrency ? language.currencyPrefix : ""
        let currency = isCurrency ? language.currencySuffix : ""
        if magnitude >= Self.exponentThreshold {
            return (prefix, DecimalText.powerOfTen(magnitude), isPercent ? "%" : unitSuffix(language) + currency)
        }
        if isPercent {
            return (prefix, digits(magnitude, language), "%")
        }
        if kind == .number, let decimals {
            return (prefix, DecimalText.grouped(magnitude, decimals: decimals), "")
        }
        let step = forced ?? language.step(for: magnitude)
        return (prefix, digits(magnitude / (step?.divisor ?? 1), language), (step?.word ?? "") + unitSuffix(language) + currency)
    }

    /// `−` before every negative (as always); `+` before a positive that does not show as zero, when the format asks.
    private func sign(_ base: Double, digits: String) -> String {
        if base < 0 { return "\u{2212}" }
        guard showsPlus, base > 0, digits.contains(where: { ("1"..."9").contains($0) }) else { return "" }
        return "+"
    }

    /// What follows the scale word: `×` (`倍`) for a multiple.
    private func unitSuffix(_ language: NumberLanguage) -> String { kind == .multiple ? language.multipleWord : "" }

    /// N decimals when the format says so, else the language's digits (three significant, or whole
    /// below the next step of ten thousand).
    private func digits(_ value: Double, _ language: NumberLanguage) -> String {
        if let decimals {
            return language == .english ? DecimalText.grouped(value, decimals: decimals) : DecimalText.fixed(value, decimals: decimals)
        }
        return language.digits(value)
    }
}
