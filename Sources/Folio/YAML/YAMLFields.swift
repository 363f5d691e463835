import FolioCore

/// Typed reads of one YAML mapping's keys: front matter, `site.yml`, a meta file, a block.
/// Each problem is recorded at the key or value it is about and reading goes on; `context`
/// ("chart", "front matter", "meta") starts every message.
///
/// The rules, the same for every stage: text is a scalar that is not null (`~`, `null` or
/// nothing); a boolean is plain `true` or `false`; an integer is plain ASCII digits with an
/// optional sign; a source is text (its title) or `{title, url, date}` with a title.
public struct YAMLFields: Sendable {
    public let context: String
    public let entries: [YAMLEntry]
    /// Where a missing required key is reported: a block's fence, the start of a file or of a mapping.
    public let missingAt: SourceLocation
    public var problems = DiagnosticCollector()

    public static let sourceKeys = ["title", "url", "date"]

    public init(_ entries: [YAMLEntry], context: String, missingAt: SourceLocation) {
        self.entries = entries
        self.context = context
        self.missingAt = missingAt
    }

    /// The fields of a document that must be a mapping; an empty document, a list or a scalar is an
    /// error at the document (or at `start` when it is empty). Missing keys are reported at `start`.
    public init(document: YAMLValue?, context: String, start: SourceLocation) throws(Diagnostic) {
        guard let entries = document?.entries else {
            throw Diagnostic(at: document?.location ?? start, YAMLIssue.notAMapping(in: context, found: document?.kindName ?? "empty"))
        }
        self.init(entries, context: context, missingAt: start)
    }

    public func entry(_ key: String) -> YAMLEntry? { entries.first { $0.key == key } }

    public func has(_ key: String) -> Bool { entry(key) != nil }

    public func keyLocation(_ key: String) -> SourceLocation { entry(key)?.keyLocation ?? missingAt }

    public func valueLocation(_ key: String) -> SourceLocation { entry(key)?.value.location ?? missingAt }

    /// The entries whose keys are not in `known`, in order (front matter passes them to templates).
    public func entries(otherThan known: [String]) -> [YAMLEntry] {
        entries.filter { !known.contains($0.key) }
    }

    /// Records every key that is not in `known` as unknown, at the key.
    public mutating func refuseKeys(otherThan known: [String]) {
        refuseKeys(listing: known) { known.contains($0) }
    }

    /// Records every key `accepts` refuses as unknown, at the key; the message lists `known`
    /// (which may name a family of keys, such as `labels_LANG`).
    public mutating func refuseKeys(listing known: [String], accepting accepts: (String) -> Bool) {
        for entry in entries where !accepts(entry.key) {
            problems.add(Diagnostic(at: entry.keyLocation, YAMLIssue.unknownKey(in: context, key: entry.key, known: known)))
        }
    }

    /// Records that `key` is not what was `expected`, at `location` or else at the key's value.
    public mutating func wrongType(_ key: String, expected: String, at location: SourceLocation? = nil) {
        problems.add(Diagnostic(at: location ?? valueLocation(key), YAMLIssue.wrongType(in: context, key: key, expected: expected)))
    }

    /// Records that the required `key` is missing.
    public mutating func missing(_ key: String) {
        problems.add(Diagnostic(at: missingAt, YAMLIssue.missingKey(in: context, key: key)))
    }

    /// The value of `key`; nil when it is absent, which is a problem when it is `required`.
    public mutating func value(_ key: String, required: Bool = false) -> YAMLValue? {
        guard let entry = entry(key) else {
            if required { missing(key) }
            return nil
        }
        return entry.value
    }

    public mutating func text(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard let text = value.nonNullText else {
            wrongType(key, expected: "text")
            return nil
        }
        return text
    }

    public mutating func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let bool = value.bool else {
            wrongType(key, expected: "true or false")
            return nil
        }
        return bool
    }

    public mutating func integer(_ key: String) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .scalar(let text, plain: true, _) = value, text.allSatisfy(\.isASCII), let integer = Int(text) else {
            wrongType(key, expected: "a whole number")
            return nil
        }
        return integer
    }

    /// The items of a list; `expected` names what the list should hold, for the message.
    public mutating func list(_ key: String, expected: String = "a list") -> [YAMLValue]? {
        guard let value = value(key) else { return nil }
        guard let items = value.items else {
            wrongType(key, expected: expected)
            return nil
        }
        return items
    }

    /// The entries of a mapping; `expected` names what the mapping should hold, for the message.
    public mutating func mapping(_ key: String, expected: String = "a mapping") -> [YAMLEntry]? {
        guard let value = value(key) else { return nil }
        guard let entries = value.entries else {
            wrongType(key, expected: expected)
            return nil
        }
        return entries
    }

    /// One text, or a list of texts.
    public mutating func texts(_ key: String) -> [String]? {
        guard let value = value(key) else { return nil }
        if let text = value.nonNullText { return [text] }
        guard let items = value.items else {
            wrongType(key, expected: "text or a list of text")
            return nil
        }
        var texts: [String] = []
        for item in items {
            guard let text = item.nonNullText else {
                wrongType(key, expected: "text", at: item.location)
                continue
            }
            texts.append(text)
        }
        return texts
    }

    /// The source under `key`, if it is there.
    public mutating func source(_ key: String) -> Source? {
        guard let value = value(key) else { return nil }
        return source(value, of: key)
    }

    /// A source written as `value` (the value of `key`, or one item of its list): text is the title
    /// alone; a mapping has a `title` and may have a `url` and a `date`, and nothing else.
    public mutating func source(_ value: YAMLValue, of key: String) -> Source? {
        if let title = value.nonNullText { return Source(title: title) }
        guard let entries = value.entries else {
            wrongType(key, expected: "text or {title, url, date}", at: value.location)
            return nil
        }
        return read(entries, at: value.location, context: "\(context) source") { fields in
            fields.refuseKeys(otherThan: Self.sourceKeys)
            let title = fields.text("title", required: true)
            let url = fields.text("url")
            if let url, !url.isEmpty, !SafeLink.isSafe(url) {
                fields.problems.add(Diagnostic(at: fields.valueLocation("url"), YAMLIssue.unsafeSourceURL(url)))
            }
            let date = fields.text("date")
            return title.map { Source(title: $0, url: url, date: date) }
        }
    }

    /// Reads a mapping nested in this one with its own fields, under `context`; missing keys are
    /// reported at `location`, and every problem joins these.
    public mutating func read<T>(
        _ entries: [YAMLEntry], at location: SourceLocation, context: String, _ body: (inout YAMLFields) -> T
    ) -> T {
        var nested = YAMLFields(entries, context: context, missingAt: location)
        let result = body(&nested)
        problems.add(contentsOf: nested.problems.diagnostics)
        return result
    }

    /// Throws every problem recorded, if there is any.
    public func throwIfAny() throws(Diagnostics) {
        try problems.throwIfAny()
    }
}
