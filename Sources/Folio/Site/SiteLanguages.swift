import FolioContent

/// Where each language's pages live (SPEC §8): the main language's at the root, another's under
/// a folder named by its code. `ipo.zh.md` is read as `zh/ipo.md`, the Chinese version of
/// `ipo.md`; so is `Content/zh/ipo.md`.
struct SiteLanguages: Sendable {
    let main: String
    /// The others, in `languages:` order.
    let others: [String]

    init(_ site: SiteConfig) {
        main = site.language
        others = site.languages.map(\.code)
    }

    init(main: String, others: [String] = []) {
        self.main = main
        self.others = others
    }

    var all: [String] { [main] + others }
    var isMultilingual: Bool { !others.isEmpty }

    /// The path an article file is built as: `a/ipo.zh.md` → `zh/a/ipo.md` when zh is a language of the site.
    func path(ofFile path: String) -> String {
        guard isMultilingual, path.hasSuffix(".md") else { return path }
        let stem = path.dropLast(3)
        guard let dot = stem.lastIndex(of: "."), !stem[..<dot].hasSuffix("/"), dot != stem.startIndex else { return path }
        let code = String(stem[stem.index(after: dot)...])
        guard others.contains(code) else { return path }
        return code + "/" + stem[..<dot] + ".md"
    }

    /// The language of the page at `path` (as built): another language's when under its folder.
    func language(ofPath path: String) -> String {
        guard isMultilingual, let slash = path.firstIndex(of: "/") else { return main }
        let folder = String(path[..<slash])
        return others.contains(folder) ? folder : main
    }

    /// The path of the same page in the main language: `zh/a/ipo.md` → `a/ipo.md`.
    func mainPath(of path: String) -> String {
        let language = language(ofPath: path)
        return language == main ? path : String(path.dropFirst(language.count + 1))
    }

    /// The path of the page `mainPath` (a main-language path) in `language`.
    func path(_ mainPath: String, in language: String) -> String {
        language == main ? mainPath : language + "/" + mainPath
    }
}
