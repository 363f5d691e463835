/// The marks a render is cut at to make a skeleton: U+E000, a number, then U+E001 (private-use
/// characters, which no text of folio's writes).
public enum SkeletonMarker {
    public static let open = "\u{E000}"
    public static let close = "\u{E001}"

    /// The next marker's opening in `bytes` from `start`: where it begins, the number after it
    /// (nil without digits; nine digits at most are read) and where that number ends.
    public static func next(in bytes: [UInt8], from start: Int) -> (start: Int, number: Int?, end: Int)? {
        let open = Array(Self.open.utf8)
        var index = start
        while index < bytes.count {
            guard bytes[index] == open[0], bytes[index...].starts(with: open) else {
                index += 1
                continue
            }
            var end = index + open.count
            var number = 0
            while end < bytes.count, end - index - open.count < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
                number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                end += 1
            }
            return (index, end > index + open.count ? number : nil, end)
        }
        return nil
    }
}
