import FolioContent
import FolioCore

/// `sitemap.xml` and the Atom `feed.xml`, made only when the site has a `base_url`.
enum Feeds {
    /// `alternates`: a page's versions in the site's languages (none on a site in one language),
    /// written as `xhtml:link` alternates.
    static func sitemap(
        pages: [Page], baseURL: String, alternates: (Page) -> [(language: String, url: String)] = { _ in [] }
    ) -> String {
        let versions = pages.map(alternates)
        let namespace = versions.contains { !$0.isEmpty } ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"" : ""
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"\(namespace)>\n"
        for (page, versions) in zip(pages, versions) {
            xml += "  <url><loc>\(Escape.xml(baseURL + "/" + page.outputPath))</loc>"
            if let date = page.article.updated ?? page.article.date { xml += "<lastmod>\(date)</lastmod>" }
            for version in versions {
                xml +=
                    "\n    <xhtml:link rel=\"alternate\" hreflang=\"\(Escape.xml(version.language))\" href=\"\(Escape.xml(version.url))\"/>"
            }
            xml += versions.isEmpty ? "</url>\n" : "\n  </url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// Dated articles, newest first; `fallbackDate` (from SOURCE_DATE_EPOCH) when none is dated.
    /// `feedPath`, `home`: where the feed and its language's home page are in the site.
    static func atom(
        pages: [Page], site: SiteConfig, baseURL: String, feedPath: String = "feed.xml", home: String = "index.html", fallbackDate: String
    ) -> String {
        let dated = pages.filter { $0.article.date != nil }.sorted {
            let left = $0.article.date.map(\.description) ?? ""
            let right = $1.article.date.map(\.description) ?? ""
            return left != right ? left > right : $0.outputPath < $1.outputPath
        }
        let homeURL = baseURL + "/" + (home == "index.html" ? "" : String(home.dropLast("index.html".count)))
        let newest = dated.compactMap { ($0.article.updated ?? $0.article.date)?.description }.max() ?? fallbackDate
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>\(Escape.xml(site.title))</title>
              <id>\(Escape.xml(homeURL))</id>
              <link href="\(Escape.xml(homeURL))"/>
              <link rel="self" href="\(Escape.xml(baseURL + "/" + feedPath))"/>
              <updated>\(newest)T00:00:00Z</updated>

            """
        if let author = site.author { xml += "  <author><name>\(Escape.xml(author))</name></author>\n" }
        for page in dated {
            let url = Escape.xml(baseURL + "/" + page.outputPath)
            let updated = (page.article.updated ?? page.article.date).map(\.description) ?? newest
            xml += "  <entry>\n    <title>\(Escape.xml(page.article.title))</title>\n    <id>\(url)</id>\n"
            xml += "    <link href=\"\(url)\"/>\n    <updated>\(updated)T00:00:00Z</updated>\n"
            if let summary = page.article.summary { xml += "    <summary>\(Escape.xml(summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// `YYYY-MM-DD` for a Unix time, in UTC whatever the machine's time zone.
    static func isoDate(epoch: Int) -> String {
        let days = epoch >= 0 ? epoch / 86_400 : (epoch - 86_399) / 86_400
        // Civil-from-days (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
