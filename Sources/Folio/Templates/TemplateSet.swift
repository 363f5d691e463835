import FolioCore
import Mustache

/// A template file as read from disk (or from the embedded default theme).
public struct TemplateSource: Sendable, Equatable {
    public enum Kind: Sendable { case layout, partial }

    public var name: String
    public var kind: Kind
    /// The path shown in errors: `Templates/layouts/page.mustache`.
    public var displayPath: String
    public var text: String { didSet { tags = TemplateTags.scan(text) } }
    /// Where the file's first invalid UTF-8 byte is, when it has one.
    public var invalidUTF8: SourceLocation?
    /// The text's `{{ }}` tags, read once: the checks, the partial references, the theme's words
    /// and the fingerprints of the pages all read them.
    private(set) var tags: [TemplateTags.Tag]

    public init(name: String, kind: Kind, displayPath: String, text: String, invalidUTF8: SourceLocation? = nil) {
        self.name = name
        self.kind = kind
        self.displayPath = displayPath
        self.text = text
        self.invalidUTF8 = invalidUTF8
        self.tags = TemplateTags.scan(text)
    }

    /// The partials and parents the text names.
    public var references: [String] { PartialReferences.find(in: tags).map(\.name) }

    /// A template read from `bytes`: invalid UTF-8 is kept for `TemplateSet.compile` to report.
    public init(name: String, kind: Kind, displayPath: String, bytes: [UInt8]) {
        let bad = UTF8Validation.firstInvalid(in: bytes).map { SourceLocation(path: displayPath, line: $0.line, column: $0.column) }
        self.init(name: name, kind: kind, displayPath: displayPath, text: String(decoding: bytes, as: UTF8.self), invalidUTF8: bad)
    }
}

/// The compiled layouts and partials of a site. Compiled once, rendered from many threads.
public struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    private let framePartials: FramePartials
    /// nil when the templates do something that looks into a string (see `LayoutSkeletons.hold`).
    private let skeletons: LayoutSkeletons?
    public let layoutNames: [String]
    public let partialNames: [String]
    /// The `id`s the templates write as they are (`main`, `toc-heading`): a heading's anchor must not take one.
    public let themeIDs: Set<String>

    /// Compiles every template, checking that each partial or parent it names exists.
    public static func compile(_ sources: [TemplateSource]) throws(Diagnostics) -> TemplateSet {
        ScalarHTMLContentType.registered
        var problems = DiagnosticCollector()
        var library = MustacheLibrary()
        let layouts = sources.filter { $0.kind == .layout }.map(\.name).sorted()
        let partials = sources.filter { $0.kind == .partial }.map(\.name).sorted()
        let names = Set(layouts).union(partials)
        for clash in Set(layouts).intersection(partials).sorted() {
            let at = sources.first { $0.name == clash && $0.kind == .partial }?.displayPath ?? clash
            problems.add(Diagnostic(at: SourceLocation(path: at), TemplateIssue.nameClash(clash)))
        }
        problems.add(contentsOf: TemplateStructure.includeProblems(sources))
        for source in sources.sorted(by: { $0.displayPath < $1.displayPath }) {
            if let bad = source.invalidUTF8 {
                problems.add(Diagnostic(at: bad, TemplateIssue.invalidUTF8))
                continue
            }
            if let problem = TemplateStructure.sectionProblem(in: source.tags, path: source.displayPath) {
                problems.add(problem)
                continue
            }
            problems.capture { () throws(Diagnostic) in
                library.register(try compile(source), named: source.name)
            }
            for reference in PartialReferences.find(in: source.tags) where !names.contains(reference.name) {
                let at = SourceLocation(path: source.displayPath, line: reference.line, column: reference.column)
                problems.add(Diagnostic(at: at, TemplateIssue.unknownPartial(reference.name, known: partials)))
            }
        }
        try problems.throwIfAny()
        return TemplateSet(
            library: library, framePartials: FramePartials(base: library, sources: sources),
            skeletons: LayoutSkeletons.hold(for: sources.flatMap(\.tags)) ? LayoutSkeletons() : nil, layoutNames: layouts,
            partialNames: partials,
            themeIDs: Set(sources.flatMap { Self.fixedIDs(in: $0.text) }))
    }

    private static func compile(_ source: TemplateSource) throws(Diagnostic) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: ScalarHTMLContentType.pragma + source.text)
        } catch let error as MustacheTemplate.ParserError {
            // The pragma line comes first; template lines start at the second.
            let line = max(1, error.context.lineNumber - 1)
            let at = SourceLocation(path: source.displayPath, line: line, column: max(1, error.context.columnNumber))
            throw Diagnostic(at: at, TemplateIssue.parse(TemplateIssue.describe(error.error)))
        } catch {
            throw Diagnostic(at: SourceLocation(path: source.displayPath), TemplateIssue.parse(TemplateIssue.describe(error)))
        }
    }

    /// Every `id="…"` whose value is plain text (no tag inside it).
    static func fixedIDs(in text: String) -> [String] {
        var ids: [String] = []
        var rest = text[...]
        while let start = rest.range(of: "id=\"") {
            let value = rest[start.upperBound...].prefix { $0 != "\"" }
            if !value.isEmpty, !value.contains("{") { ids.append(String(value)) }
            rest = rest[start.upperBound...].dropFirst(value.count)
        }
        return ids
    }

    public func hasLayout(_ name: String) -> Bool { layoutNames.contains(name) }

    public func hasPartial(_ name: String) -> Bool { partialNames.contains(name) }

    /// Renders `context` (dictionaries, arrays, strings, numbers, booleans) with the layout `name`.
    public func render(layout name: String, context: Any, at location: SourceLocation) throws(Diagnostic) -> String {
        guard hasLayout(name), let html = library.render(context, withTemplate: name) else {
            throw Diagnostic(at: location, TemplateIssue.unknownLayout(name, known: layoutNames))
        }
        return html
    }

    /// Renders a page's `context` with the layout `name`; `frame` names what the page shares with
    /// others (its folder and menu item), whose partials that read only that are rendered once per
    /// frame. Pages of one frame and context shape are filled into one skeleton (`LayoutSkeletons`).
    public func render(layout name: String, context: [String: Any], frame: String, at location: SourceLocation) throws(Diagnostic) -> String
    {
        let library = framePartials.variant(forFrame: frame, context: context).library
        let render = { (context: [String: Any]) in library.render(context, withTemplate: name) }
        guard hasLayout(name),
            let html = skeletons.map({ $0.render(layout: name, frame: frame, context: context, with: render) }) ?? render(context)
        else {
            throw Diagnostic(at: location, TemplateIssue.unknownLayout(name, known: layoutNames))
        }
        return html
    }

    /// How many context shapes have a skeleton so far.
    var skeletonCount: Int { skeletons?.skeletonCount ?? 0 }

    /// The partials the frame `frame` renders as literal text, once `render(layout:context:frame:at:)` has met it.
    public func literalPartials(forFrame frame: String, context: [String: Any]) -> [String] {
        framePartials.variant(forFrame: frame, context: context).literal
    }

    /// Renders `context` with the partial `name` on its own (a chart's frame inside a page).
    public func render(partial name: String, context: Any, at location: SourceLocation) throws(Diagnostic) -> String {
        guard hasPartial(name), let html = library.render(context, withTemplate: name) else {
            throw Diagnostic(at: location, TemplateIssue.unknownPartial(name, known: partialNames))
        }
        return html
    }
}
