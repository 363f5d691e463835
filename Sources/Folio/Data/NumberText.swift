/// SPEC §3's number syntax, `-?(0|[1-9][0-9]*)(\.[0-9]+)?`: what makes a column numeric, and how a
/// selector's value is compared with a numeric cell.
public enum NumberText {
    /// Whether `text` is written as a number, checked on bytes.
    public static func matches(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let first = bytes.first, isDigit(first) else { return false }
        let integer = bytes.prefix(while: isDigit)
        if first == UInt8(ascii: "0") && integer.count > 1 { return false }
        bytes = bytes.dropFirst(integer.count)
        if bytes.isEmpty { return true }
        guard bytes.first == UInt8(ascii: "."), bytes.count > 1 else { return false }
        return bytes.dropFirst().allSatisfy(isDigit)
    }

    /// The finite value of `text` when it is written as a number; nil otherwise.
    public static func value(_ text: String) -> Double? {
        guard matches(text), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
