import FolioCore

/// How a language writes a formatted number: its scale words, where the currency goes, the word
/// for a multiple (CLDR's short decimal and currency patterns, kept here as data).
public struct NumberLanguage: Hashable, Sendable {
    /// One step of the scale: values from `divisor` on are divided by it and followed by `word`.
    public struct Step: Hashable, Sendable {
        public var divisor: Double
        public var word: String
    }

    /// The language code this describes (`en`, `zh`).
    public var code: String
    /// The steps above one, smallest first.
    public var steps: [Step]
    /// Around a money amount: `$` before (`$1.5B`), or `美元` after (`15亿美元`).
    public var currencyPrefix: String
    public var currencySuffix: String
    /// After a multiple: `×` or `倍`.
    public var multipleWord: String

    /// `1.23K`, `$1.5B`, `4.52×`: steps of a thousand, three significant digits.
    public static let english = NumberLanguage(
        code: "en",
        steps: [
            Step(divisor: 1e3, word: "K"), Step(divisor: 1e6, word: "M"), Step(divisor: 1e9, word: "B"), Step(divisor: 1e12, word: "T"),
        ],
        currencyPrefix: "$", currencySuffix: "", multipleWord: "\u{00D7}")

    /// `1.23万`, `8.63亿美元`, `4.5倍`: steps of ten thousand (万, 亿, 万亿); below the next step a
    /// value keeps its whole digits (`9999`, `9999万`), else three significant digits.
    public static let chinese = NumberLanguage(
        code: "zh",
        steps: [Step(divisor: 1e4, word: "万"), Step(divisor: 1e8, word: "亿"), Step(divisor: 1e12, word: "万亿")],
        currencyPrefix: "", currencySuffix: "美元", multipleWord: "倍")

    /// The language for a page's language code: `zh` and `zh-*` write Chinese, any other English.
    public static func forCode(_ code: String) -> NumberLanguage {
        LanguageCode.isChinese(code) ? .chinese : .english
    }

    /// The step `magnitude` is shown in once rounded as it will be shown (999,999 is `1M`, not
    /// `1000K`; 99,995,000 is `1亿`, not `10000万`); nil below the first step.
    func step(for magnitude: Double) -> Step? {
        guard var index = steps.lastIndex(where: { magnitude >= $0.divisor }) ?? (roundsUpToFirstStep(magnitude) ? 0 : nil) else {
            return nil
        }
        while index + 1 < steps.count, shownValue(magnitude / steps[index].divisor) * steps[index].divisor >= steps[index + 1].divisor {
            index += 1
        }
        return steps[index]
    }

    private func roundsUpToFirstStep(_ magnitude: Double) -> Bool {
        guard let first = steps.first else { return false }
        return shownValue(magnitude) >= first.divisor
    }

    /// The digits of a value within its step, before any fixed decimals.
    func digits(_ scaled: Double) -> String {
        keepsWholeDigits(scaled) ? DecimalText.fixed(scaled, decimals: 0) : DecimalText.significant(scaled, digits: 3)
    }

    /// The value `digits` shows, as a number.
    private func shownValue(_ scaled: Double) -> Double {
        keepsWholeDigits(scaled) ? scaled.rounded(.toNearestOrAwayFromZero) : DecimalText.roundSignificant(scaled, digits: 3)
    }

    /// Whether a value of four whole digits or more is written whole: steps of ten thousand leave
    /// room for 9999 before the next word.
    private func keepsWholeDigits(_ scaled: Double) -> Bool {
        (steps.first?.divisor ?? 0) >= 1e4 && scaled >= 1000
    }
}
