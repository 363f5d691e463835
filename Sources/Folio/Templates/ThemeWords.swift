import FolioCore
import FolioYAML

/// The words the theme and folio's own generated text say, per language: `Templates/i18n/LANG.yml`
/// maps each word's name to its text (`show_numbers: 显示数据`). Templates read them as `{{words.NAME}}`.
public struct ThemeWords: Sendable, Equatable {
    /// One file of words: its language code (the file name), text and the path shown in errors.
    public struct File: Sendable {
        public var language: String
        public var text: String
        public var displayPath: String

        public init(language: String, text: String, displayPath: String) {
            self.language = language
            self.text = text
            self.displayPath = displayPath
        }
    }

    /// The language of a file at `path` inside Templates/ when it holds words (`i18n/zh.yml` → `zh`), else nil.
    public static func language(ofPath path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count == 2, parts[0] == "i18n", parts[1].hasSuffix(".yml") else { return nil }
        return String(parts[1].dropLast(".yml".count))
    }

    /// Language code → word name → text.
    public private(set) var byLanguage: [String: [String: String]]

    public init(byLanguage: [String: [String: String]] = [:]) {
        self.byLanguage = byLanguage
    }

    /// Reads `files` word by word over `defaults` (the default theme's words): a theme need only
    /// write the words it changes. Every problem in every file is reported.
    public static func read(_ files: [File], over defaults: ThemeWords = ThemeWords()) throws(Diagnostics) -> ThemeWords {
        var words = defaults
        var problems = DiagnosticCollector()
        for file in files.sorted(by: { $0.displayPath < $1.displayPath }) {
            problems.captureAll { () throws(Diagnostics) in
                words.byLanguage[file.language, default: [:]].merge(try entries(of: file)) { _, own in own }
            }
        }
        try problems.throwIfAny()
        return words
    }

    private static func entries(of file: File) throws(Diagnostics) -> [String: String] {
        let root: YAMLValue?
        do {
            root = try YAMLReader.read(file.text, path: file.displayPath)
        } catch {
            throw Diagnostics([error])
        }
        guard let root else { return [:] }
        guard let entries = root.entries else {
            throw Diagnostics([Diagnostic(at: root.location, TemplateIssue.wordsNotAMapping)])
        }
        var read: [String: String] = [:]
        var problems: [Diagnostic] = []
        for entry in entries {
            guard let text = entry.value.nonNullText, entry.value.items == nil, entry.value.entries == nil else {
                problems.append(Diagnostic(at: entry.value.location, TemplateIssue.wordNotText(entry.key)))
                continue
            }
            read[entry.key] = text
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return read
    }

    /// The words of `language`: its own file's, else its base language's (`zh` for `zh-Hans`).
    public func words(for language: String) -> [String: String] {
        if let own = byLanguage[language] { return own }
        let base = language.split(separator: "-").first.map(String.init) ?? language
        return byLanguage[base] ?? [:]
    }

    /// An error for each word of `required` that a language of `languages` lacks, at the file it belongs in.
    public func missing(_ required: [String], languages: [String], folder: String) -> [Diagnostic] {
        languages.flatMap { language in
            let have = words(for: language)
            return required.filter { have[$0] == nil }.map { word in
                Diagnostic(at: SourceLocation(path: "\(folder)/i18n/\(language).yml"), TemplateIssue.missingWord(word, language: language))
            }
        }
    }

    /// The words templates ask for: the NAME of every `{{words.NAME}}` tag, sorted.
    public static func required(by templates: [TemplateSource]) -> [String] {
        let names = templates.flatMap(\.tags).compactMap { tag -> String? in
            guard tag.name.hasPrefix("words."), [nil, "&", "{", "#", "^"].contains(tag.sigil) else { return nil }
            let word = tag.name.dropFirst("words.".count)
            return word.isEmpty || word.contains(".") ? nil : String(word)
        }
        return Set(names).sorted()
    }
}
