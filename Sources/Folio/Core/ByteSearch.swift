/// Finding a run of bytes in bytes, by a plain scan: the generic `firstRange(of:)` costs more
/// than reading a small file does.
public enum ByteSearch {
    /// Whether `needle` occurs in `bytes`.
    public static func contains(_ needle: some Collection<UInt8>, in bytes: [UInt8]) -> Bool {
        let needle = Array(needle)
        guard let first = needle.first else { return true }
        guard bytes.count >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { wanted in
                var start = 0
                let last = haystack.count - wanted.count
                while start <= last {
                    if haystack[start] == first {
                        var matched = 1
                        while matched < wanted.count, haystack[start + matched] == wanted[matched] { matched += 1 }
                        if matched == wanted.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
