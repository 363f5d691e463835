/// What folio reads from a page's language code (BCP 47, as in `<html lang>`).
public enum LanguageCode {
    /// Whether `code` is Chinese (`zh`, `zh-Hans`, `zh-TW`, in any case): its numbers and dates are written the Chinese way.
    public static func isChinese(_ code: String) -> Bool {
        let lowered = code.lowercased()
        return lowered == "zh" || lowered.hasPrefix("zh-")
    }

    /// Whether `code` is shaped like a BCP 47 tag: a 2–3 letter language, then parts of 1–8
    /// ASCII letters or digits joined by `-` (it also names a folder of the site).
    public static func isWellFormed(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
