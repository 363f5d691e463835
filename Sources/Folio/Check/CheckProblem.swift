/// One thing `folio check` found wrong: the page, the link target, and why. Printed as `page: broken link → target (why)`.
public struct CheckProblem: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// The linked page or file does not exist.
        case missingTarget
        /// An image, stylesheet or other resource the page loads does not exist.
        case missingAsset
        /// The target page exists but has no element with this id.
        case missingAnchor(String)
        /// A root-relative link, which breaks under a URL prefix and from the disk.
        case absoluteLink
        /// The link climbs above the site's root folder.
        case outsideSite
        /// A chart figure without its download link of this kind ("SVG" or "CSV").
        case chartWithoutDownload(String)
        /// A URL whose scheme runs code or leaves the web (`javascript:`, `vbscript:`, `file:`).
        case unsafeScheme(String)
        /// The folder holds no page at all.
        case noPages
    }

    public var page: String
    public var target: String
    public var reason: Reason

    public init(page: String, target: String, reason: Reason) {
        self.page = page
        self.target = target
        self.reason = reason
    }

    public var description: String {
        "\(page): broken link → \(target)\(detail.isEmpty ? "" : " (\(detail))")"
    }

    private var detail: String {
        switch reason {
        case .missingTarget: ""
        case .missingAsset: "missing asset"
        case .missingAnchor(let id): "no element with id \"\(id)\""
        case .absoluteLink: "absolute link; links must be relative"
        case .outsideSite: "outside the site"
        case .chartWithoutDownload(let kind): "chart has no \(kind) download"
        case .unsafeScheme(let scheme): "a '\(scheme):' URL; expected http(s), mailto or tel links, and http(s) or data assets"
        case .noPages: "no HTML page in the folder; expected a built site (run folio build)"
        }
    }

    public static func < (lhs: CheckProblem, rhs: CheckProblem) -> Bool {
        (lhs.page, lhs.target, lhs.description) < (rhs.page, rhs.target, rhs.description)
    }
}

/// What `folio check` found: every problem, sorted, and what it looked at.
public struct CheckReport: Equatable, Sendable {
    public var problems: [CheckProblem]
    public var pages: Int
    public var links: Int
    public var assets: Int
    public var charts: Int

    public var passed: Bool { problems.isEmpty }

    /// The one line printed when nothing is broken.
    public var summary: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return
            "Checked \(plural(pages, "page")): \(plural(links, "internal link")), \(plural(assets, "asset")), \(plural(charts, "chart")); nothing broken"
    }
}
