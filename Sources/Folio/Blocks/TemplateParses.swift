import FolioCore
import Synchronization

/// The blocks and spans of the pages made from data, as parsed: every page of one template has
/// the same body, so a `table` block's YAML or an inline value's expression is read once for all
/// of them (10,000 times otherwise) and only its `@COLUMN` values are bound per page. Shared by
/// the pages rendered in parallel; a block that fails to parse is parsed again, and fails, on
/// every page, so its errors are each page's.
public final class TemplateParses: Sendable {
    /// Where a block or span is written (the template's file, its line and column); its text is
    /// compared on a hit rather than hashed on every read.
    private struct Key: Hashable {
        var kind: String
        var location: SourceLocation
    }

    private let parsed = Mutex<[Key: (text: String, parsed: any Sendable)]>([:])

    public init() {}

    func chart(_ block: FencedBlock, parse: () throws(Diagnostics) -> ChartRequest) throws(Diagnostics) -> ChartRequest {
        try reuse(Key(kind: "chart", location: block.location), text: block.body, parse)
    }

    func table(_ block: FencedBlock, parse: () throws(Diagnostics) -> TableRequest) throws(Diagnostics) -> TableRequest {
        try reuse(Key(kind: "table", location: block.location), text: block.body, parse)
    }

    /// An inline value read as one cell (nil: the span is not an inline value).
    func cell(
        _ code: InlineCode, parse: () throws(Diagnostic) -> InlineValueExpression?
    ) throws(Diagnostic) -> InlineValueExpression? {
        try reuse(Key(kind: "cell", location: code.location), text: code.code, parse)
    }

    private func reuse<Parsed: Sendable, Failure: Error>(
        _ key: Key, text: String, _ parse: () throws(Failure) -> Parsed
    ) throws(Failure) -> Parsed {
        if let known = parsed.withLock({ $0[key] }), known.text == text, let reused = known.parsed as? Parsed { return reused }
        let fresh = try parse()
        parsed.withLock { $0[key] = (text, fresh) }
        return fresh
    }
}
