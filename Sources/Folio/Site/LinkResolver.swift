import FolioContent
import FolioCore
import FolioMarkdown

/// Rewrites links between articles (`other.md#part` → `other.html#part`) and refuses unsafe schemes.
struct LinkResolver: Sendable {
    /// Published articles by their path inside Content/.
    let published: Set<String>
    /// Articles left out of this build because they are drafts.
    let drafts: Set<String>

    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The rewritten URL for a link in `article`, nil to keep it, or an error.
    func resolve(_ link: LinkDestination, in article: Article) throws(Diagnostic) -> String? {
        let url = link.url
        if let scheme = Self.scheme(of: url) {
            guard Self.allowedSchemes.contains(scheme) else { throw Diagnostic(at: link.location, SiteIssue.unsafeURLScheme(url)) }
            return nil
        }
        if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("/") || url.hasPrefix("?") { return nil }
        let suffixStart = url.firstIndex { $0 == "#" || $0 == "?" } ?? url.endIndex
        let path = String(url[..<suffixStart])
        guard path.hasSuffix(".md") else { return nil }
        let decoded = path.removingPercentEncodingSafely
        guard let target = RelativePath.resolve(decoded, againstFileAt: article.path) else {
            throw Diagnostic(at: link.location, SiteIssue.linkLeavesContent(path))
        }
        if drafts.contains(target) { throw Diagnostic(at: link.location, SiteIssue.linkToDraft(target)) }
        guard published.contains(target) else { throw Diagnostic(at: link.location, SiteIssue.linkToMissingArticle(target)) }
        let html = String(target.dropLast(3)) + ".html"
        return RelativePath.link(from: article.outputPath, to: html) + url[suffixStart...]
    }

    /// The lowercased scheme of an absolute URL, ignoring the tabs, newlines and spaces browsers ignore.
    static func scheme(of url: String) -> String? {
        let cleaned = url.unicodeScalars.filter { $0.value > 0x20 }
        var scheme = ""
        for scalar in cleaned {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            let isSchemeCharacter =
                scalar.properties.isASCIIHexDigit || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
            guard isSchemeCharacter, !(scheme.isEmpty && ("0"..."9").contains(scalar)) else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }
}

extension String {
    /// Percent-decoding that leaves the text as it is when it is not valid.
    fileprivate var removingPercentEncodingSafely: String {
        guard contains("%") else { return self }
        let input = Array(utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "%"), index + 2 < input.count,
                let value = UInt8(String(decoding: input[index + 1...index + 2], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(input[index])
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
