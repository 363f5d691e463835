/// Relative links between pages of the built site, so it works under any prefix and from the disk.
public enum RelativePath {
    /// The link from the page at `from` to `to`, both paths inside the output folder.
    public static func link(from: String, to: String) -> String {
        // A page at the root links to a plain path as the path itself.
        let slash = UInt8(ascii: "/")
        if !from.utf8.contains(slash), to.utf8.first != slash, to.utf8.last != slash,
            !zip(to.utf8, to.utf8.dropFirst()).contains(where: { $0 == slash && $1 == slash })
        {
            return to
        }
        var fromParts = from.split(separator: "/").dropLast()
        var toParts = to.split(separator: "/")
        while let first = fromParts.first, let other = toParts.first, first == other, toParts.count > 1 {
            fromParts.removeFirst()
            toParts.removeFirst()
        }
        return String(repeating: "../", count: fromParts.count) + toParts.joined(separator: "/")
    }

    /// `../` once per folder above the page: the way back to the site's root.
    public static func root(from page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }

    /// Joins `relative` onto the folder of `base` and removes `.` and `..`; nil when it climbs above the root.
    public static func resolve(_ relative: String, againstFileAt base: String) -> String? {
        var parts = base.split(separator: "/").dropLast().map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
