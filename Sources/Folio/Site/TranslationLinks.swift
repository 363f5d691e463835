import FolioCore

/// A page's versions in the site's languages (SPEC §8): the language switcher's links and the
/// `hreflang` alternates. A language without a version of the page links to its home page.
struct TranslationLinks: Sendable {
    let languages: SiteLanguages
    /// The paths of the published articles (as built: `zh/ipo.md`).
    let published: Set<String>
    /// Each language's name in that language (`words.language_name`): English, 中文.
    let names: [String: String]
    let baseURL: String?

    /// The article path of the page `path`'s version in `language`, when there is one.
    func version(of path: String, in language: String) -> String? {
        let candidate = languages.path(languages.mainPath(of: path), in: language)
        return published.contains(candidate) ? candidate : nil
    }

    /// `page.languages`: one entry per language of the site, the page's own marked `current`.
    func switcher(for path: String, links: PageLinks) -> [[String: Any]] {
        let own = languages.language(ofPath: path)
        return languages.all.map { language in
            let target = version(of: path, in: language) ?? languages.path("index.md", in: language)
            return [
                "language": language, "name": names[language] ?? language, "url": links.link(to: Self.html(target)),
                "current": language == own, "translated": version(of: path, in: language) != nil,
            ]
        }
    }

    /// `page.alternates`: the versions that exist, the page's own included, for `<link rel="alternate" hreflang>`;
    /// absolute with a `base_url`.
    func alternates(for path: String, links: PageLinks) -> [[String: Any]] {
        languages.all.compactMap { language in
            guard let target = version(of: path, in: language) else { return nil }
            let html = Self.html(target)
            return ["language": language, "url": baseURL.map { $0 + "/" + html } ?? links.link(to: html)]
        }
    }

    /// The sitemap's alternates of the page at `path`: language → absolute URL, when it has another version.
    func sitemapAlternates(for path: String, baseURL: String) -> [(language: String, url: String)] {
        let versions = languages.all.compactMap { language in
            version(of: path, in: language).map { (language, baseURL + "/" + Self.html($0)) }
        }
        return versions.count > 1 ? versions : []
    }

    static func html(_ articlePath: String) -> String { String(articlePath.dropLast(3)) + ".html" }
}
