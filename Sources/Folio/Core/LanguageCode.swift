/// What folio reads from a page's language code (BCP 47, as in `<html lang>`).
public enum LanguageCode {
    /// Whether `code` is Chinese (`zh`, `zh-Hans`, `zh-TW`, in any case): its numbers and dates are written the Chinese way.
    public static func isChinese(_ code: String) -> Bool {
        let lowered = code.lowercased()
        return lowered == "zh" || lowered.hasPrefix("zh-")
    }
}
