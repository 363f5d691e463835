/// Which URLs written in the input (a source's `url`) may become links.
public enum SafeLink {
    /// Only absolute `http://` and `https://` URLs without spaces or control characters (C0, DEL, C1):
    /// anything else (`javascript:`, `data:`, a relative path) stays text.
    public static func isSafe(_ url: String) -> Bool {
        guard !url.unicodeScalars.contains(where: { $0.value < 0x21 || (0x7F...0x9F).contains($0.value) }),
            let scheme = URLScheme.of(url), scheme == "http" || scheme == "https"
        else { return false }
        return url.unicodeScalars.dropFirst(scheme.unicodeScalars.count + 1).starts(with: "//".unicodeScalars)
    }
}
