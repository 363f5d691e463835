import Mustache
import Synchronization

/// Partials whose output depends only on a page's frame (the site, its menu, and the links to the
/// root and home, which are the same for every page of one folder that is not in the menu): each is
/// rendered once per frame and then reused as literal text, instead of once per page.
///
/// A partial is reused only when this is sure to give the same bytes: it is included only where the
/// context is the page's own root and without indentation (swift-mustache indents a section's
/// lines unlike literal text), it pulls in no blocks, parents or other partials, and its first
/// render read nothing outside the frame.
final class FramePartials: Sendable {
    /// The context keys every page of a frame shares (see `PageContext.frame`).
    static let frameKeys: Set<String> = ["site", "root", "home", "feed_url", "generator", "words"]

    private let base: MustacheLibrary
    private let candidates: [String]
    private let byFrame = Mutex<[String: Variant]>([:])

    /// The library a frame renders with, and which of its partials are literal text.
    struct Variant: Sendable {
        var library: MustacheLibrary
        var literal: [String]
    }

    init(base: MustacheLibrary, sources: [TemplateSource]) {
        self.base = base
        candidates = Self.candidates(in: sources)
    }

    /// The library for the frame called `key`, worked out from `context` (a page of that frame) the first time.
    func variant(forFrame key: String, context: [String: Any]) -> Variant {
        if let known = byFrame.withLock({ $0[key] }) { return known }
        let made = makeVariant(context)
        byFrame.withLock { $0[key] = made }
        return made
    }

    private func makeVariant(_ context: [String: Any]) -> Variant {
        var variant = Variant(library: base, literal: [])
        for name in candidates {
            let reader = RecordingRoot(context)
            guard let output = base.render(reader, withTemplate: name), reader.readOnly(Self.frameKeys),
                let literal = Self.literal(output)
            else { continue }
            variant.library.register(literal, named: name)
            variant.literal.append(name)
        }
        return variant
    }

    /// A template that renders as `text` exactly: new delimiters that `text` does not hold, so all of it is text.
    static func literal(_ text: String) -> MustacheTemplate? {
        guard !text.unicodeScalars.contains("\u{1}"), let template = try? MustacheTemplate(string: "{{=\u{1}< >\u{1}=}}\n" + text),
            template.render([String: Any]()) == text
        else { return nil }
        return template
    }

    /// The partials that may be reused: none when a template changes delimiters or names a partial at
    /// render time; else those that include nothing, never write `{{.}}`, and are included only where
    /// the context is the page's root, never after only blanks on a line (so without indentation).
    static func candidates(in sources: [TemplateSource]) -> [String] {
        let tags = Dictionary(sources.map { ($0.name, $0.tags) }) { first, _ in first }
        guard !tags.values.joined().contains(where: { $0.sigil == "=" || ($0.sigil == ">" && $0.name.hasPrefix("*")) }) else { return [] }
        let layouts = Set(sources.filter { $0.kind == .layout }.map(\.name))
        var includedAt: [String: [(from: String, atRoot: Bool)]] = [:]
        let texts = Dictionary(sources.map { ($0.name, $0.text) }) { first, _ in first }
        for (from, list) in tags {
            let lines = (texts[from] ?? "").split(separator: "\n", omittingEmptySubsequences: false)
            var open: [Character] = []
            for tag in list {
                let atRoot = !isIndented(tag, lines: lines) && !open.contains { $0 == "#" || $0 == "^" }
                switch tag.sigil {
                case ">": includedAt[tag.name, default: []].append((from, atRoot))
                case "<":
                    includedAt[tag.name, default: []].append((from, atRoot))
                    open.append("<")
                case "#": open.append("#")
                case "^": open.append("^")
                case "$": open.append("$")
                case "/": _ = open.popLast()
                default: break
                }
            }
        }
        var rootOnly: [String: Bool] = [:]
        func isRootOnly(_ name: String, depth: Int) -> Bool {
            if let known = rootOnly[name] { return known }
            guard depth < TemplateStructure.includeLimit else { return false }
            let uses = includedAt[name] ?? []
            let answer = (layouts.contains(name) || !uses.isEmpty) && uses.allSatisfy { $0.atRoot && isRootOnly($0.from, depth: depth + 1) }
            rootOnly[name] = answer
            return answer
        }
        return sources.filter { source in
            guard source.kind == .partial, let own = tags[source.name] else { return false }
            let selfContained = !own.contains { tag in ["$", "<", ">"].contains(tag.sigil) || tag.name == "." }
            return selfContained && isRootOnly(source.name, depth: 0)
        }.map(\.name).sorted()
    }
}

/// Whether only blanks come before `tag` on its line: a standalone partial tag is indented by them.
private func isIndented(_ tag: TemplateTags.Tag, lines: [Substring]) -> Bool {
    guard tag.line <= lines.count else { return false }
    let before = lines[tag.line - 1].unicodeScalars.prefix(tag.column - 1)
    return !before.isEmpty && before.allSatisfy { $0 == " " || $0 == "\t" }
}

/// The root of a context that notes which of its keys a render read.
private final class RecordingRoot: MustacheParent {
    private let values: [String: Any]
    private var read: Set<String> = []

    init(_ values: [String: Any]) { self.values = values }

    func child(named name: String) -> Any? {
        read.insert(name)
        return values[name]
    }

    func readOnly(_ keys: Set<String>) -> Bool { read.isSubset(of: keys) }
}
