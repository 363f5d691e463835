import FolioCore

/// `folio check`: verifies a built site's internal links, anchors, assets and chart downloads without network access.
public enum SiteCheck {
    /// Attributes that point at another file: links on `<a>`/`<area>`, assets everywhere else.
    private static let urlAttributes: Set<String> = ["href", "src", "srcset", "poster", "xlink:href"]

    /// The page served for unknown addresses: it links to the site root on purpose, so its `/…` links are not checked.
    static let notFoundPage = "404.html"

    public static func run(_ site: BuiltSite) -> CheckReport {
        var checker = Checker(site: site)
        for page in site.pages {
            checker.check(page: page)
        }
        // A standalone SVG links too (its source line) and points at its own ids (`href="#…"`).
        for document in site.documents.keys.sorted() where document.lowercased().hasSuffix(".svg") {
            checker.check(page: document)
        }
        if site.pages.isEmpty { checker.problems.append(CheckProblem(page: ".", target: "index.html", reason: .noPages)) }
        return CheckReport(
            problems: Array(Set(checker.problems)).sorted(),
            pages: site.pages.count,
            links: checker.links,
            assets: checker.assets,
            charts: checker.charts)
    }

    /// The state of one run: counts, problems, and the ids of each document once scanned.
    private struct Checker {
        let site: BuiltSite
        var problems: [CheckProblem] = []
        var links = 0
        var assets = 0
        var charts = 0
        var idsByDocument: [String: Set<String>] = [:]
        /// Every folder that holds a file, so `folder/` links resolve to `folder/index.html`.
        let folders: Set<String>

        init(site: BuiltSite) {
            self.site = site
            var folders: Set<String> = [""]
            for file in site.files {
                var parts = file.split(separator: "/").dropLast()
                while !parts.isEmpty {
                    folders.insert(parts.joined(separator: "/"))
                    parts.removeLast()
                }
            }
            self.folders = folders
        }

        /// A chart figure being scanned, and which downloads it has so far.
        struct ChartFrame {
            var isChart: Bool
            var name: String
            var hasSVG = false
            var hasCSV = false
        }

        mutating func check(page: String) {
            guard let html = site.documents[page] else { return }
            var figures: [ChartFrame] = []
            var chartNumber = 0
            for tag in HTMLScanner.tags(in: html) {
                if tag.name == "figure" {
                    if tag.isStart {
                        let isChart = tag.classes.contains("chart")
                        if isChart { chartNumber += 1 }
                        figures.append(ChartFrame(isChart: isChart, name: tag.attribute("id").map { "#\($0)" } ?? "chart \(chartNumber)"))
                    } else if let frame = figures.popLast() {
                        finish(frame, on: page)
                    }
                    continue
                }
                guard tag.isStart else { continue }
                let isLink = (tag.name == "a" || tag.name == "area")
                for (name, value) in tag.attributes where urlAttributes.contains(name) {
                    let references = name == "srcset" ? Self.sourceSetURLs(value) : [value]
                    for reference in references {
                        guard let internalPath = check(reference, on: page, isLink: isLink && name == "href") else { continue }
                        if isLink, let index = figures.lastIndex(where: \.isChart) {
                            let lowered = internalPath.lowercased()
                            if lowered.hasSuffix(".svg") { figures[index].hasSVG = true }
                            if lowered.hasSuffix(".csv") { figures[index].hasCSV = true }
                        }
                    }
                }
            }
            while let frame = figures.popLast() { finish(frame, on: page) }
        }

        private mutating func finish(_ frame: ChartFrame, on page: String) {
            guard frame.isChart else { return }
            charts += 1
            if !frame.hasSVG { problems.append(CheckProblem(page: page, target: frame.name, reason: .chartWithoutDownload("SVG"))) }
            if !frame.hasCSV { problems.append(CheckProblem(page: page, target: frame.name, reason: .chartWithoutDownload("CSV"))) }
        }

        /// Checks one reference; returns its path part when it is internal, nil for external ones.
        private mutating func check(_ rawReference: String, on page: String, isLink: Bool) -> String? {
            let reference = rawReference.trimmingWhitespace()
            if let scheme = URLScheme.of(reference) {
                let allowed = isLink ? ["http", "https", "mailto", "tel"] : ["http", "https", "data"]
                if !allowed.contains(scheme) { problems.append(CheckProblem(page: page, target: reference, reason: .unsafeScheme(scheme))) }
                return nil
            }
            guard !reference.isEmpty, !reference.hasPrefix("//") else { return nil }
            if reference.hasPrefix("/") {
                if page == notFoundPage { return nil }
                problems.append(CheckProblem(page: page, target: reference, reason: .absoluteLink))
                return nil
            }
            if isLink { links += 1 } else { assets += 1 }

            let (beforeFragment, fragment) = Self.split(reference, at: "#")
            let rawPath = Self.split(beforeFragment, at: "?").0
            let path = PercentDecoding.decode(rawPath) ?? rawPath
            let target: String
            if path.isEmpty {
                target = page
            } else {
                guard let resolved = RelativePath.resolve(path, againstFileAt: page) else {
                    problems.append(CheckProblem(page: page, target: reference, reason: .outsideSite))
                    return path
                }
                if path.hasSuffix("/") || path == "." || path == ".." || (folders.contains(resolved) && !site.files.contains(resolved)) {
                    target = resolved.isEmpty ? "index.html" : resolved + "/index.html"
                } else {
                    target = resolved
                }
            }
            guard site.files.contains(target) else {
                problems.append(CheckProblem(page: page, target: reference, reason: isLink ? .missingTarget : .missingAsset))
                return path
            }
            if let fragment, !fragment.isEmpty, site.documents[target] != nil {
                let id = PercentDecoding.decode(fragment) ?? fragment
                if id != "top" || !BuiltSite.isPage(target), !ids(of: target).contains(id) {
                    problems.append(CheckProblem(page: page, target: reference, reason: .missingAnchor(id)))
                }
            }
            return path
        }

        /// Every `id` in a document, plus `name` on `<a>` (both are fragment targets in HTML).
        private mutating func ids(of document: String) -> Set<String> {
            if let known = idsByDocument[document] { return known }
            var ids: Set<String> = []
            for tag in HTMLScanner.tags(in: site.documents[document] ?? "") where tag.isStart {
                if let id = tag.attribute("id") { ids.insert(id) }
                if tag.name == "a", let name = tag.attribute("name") { ids.insert(name) }
            }
            idsByDocument[document] = ids
            return ids
        }

        static func split(_ text: String, at separator: Character) -> (String, String?) {
            guard let index = text.firstIndex(of: separator) else { return (text, nil) }
            return (String(text[..<index]), String(text[text.index(after: index)...]))
        }

        /// The URLs of a `srcset`: the first word of each comma-separated candidate.
        static func sourceSetURLs(_ value: String) -> [String] {
            value.split(separator: ",").compactMap { $0.split(whereSeparator: \.isWhitespace).first.map(String.init) }
        }
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
