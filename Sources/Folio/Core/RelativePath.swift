/// Relative links between pages of the built site, so it works under any prefix and from the disk.
public enum RelativePath {
    /// The link from the page at `from` to `to`, both paths inside the output folder.
    public static func link(from: String, to: String) -> String {
        // A page at the root links to a plain path as the path itself.
        let slash = UInt8(ascii: "/")
        if !from.utf8.contains(slash), to.utf8.first != slash, to.utf8.last != slash, !hasEmptyPart(to) {
            return to
        }
        if let file = fileInSameFolder(from: from, to: to) { return file }
        var fromParts = from.split(separator: "/").dropLast()
        var toParts = to.split(separator: "/")
        while let first = fromParts.first, let other = toParts.first, first == other, toParts.count > 1 {
            fromParts.removeFirst()
            toParts.removeFirst()
        }
        return String(repeating: "../", count: fromParts.count) + toParts.joined(separator: "/")
    }

    /// The file part of `to` when it is a plain path in the folder of `from` (a page's link to
    /// itself or to its neighbours): the common case, without splitting either path.
    private static func fileInSameFolder(from: String, to: String) -> String? {
        let slash = UInt8(ascii: "/")
        let fromBytes = from.utf8
        let toBytes = to.utf8
        guard let fromSlash = fromBytes.lastIndex(of: slash), let toSlash = toBytes.lastIndex(of: slash),
            fromBytes.distance(from: fromBytes.startIndex, to: fromSlash) == toBytes.distance(from: toBytes.startIndex, to: toSlash),
            toBytes.first != slash, toBytes.index(after: toSlash) != toBytes.endIndex,
            fromBytes[..<fromSlash].elementsEqual(toBytes[..<toSlash]), !hasEmptyPart(to)
        else { return nil }
        return String(to[to.index(after: toSlash)...])
    }

    /// Whether the path has `//` in it.
    private static func hasEmptyPart(_ path: String) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") && previous == byte { return true }
            previous = byte
        }
        return false
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
