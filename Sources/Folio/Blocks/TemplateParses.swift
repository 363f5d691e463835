import FolioCore
import Synchronization

/// The blocks and spans of the pages made from data, as parsed: every page of one template has
/// the same body, so a `table` block's YAML or an inline value's expression is read once for all
/// of them (10,000 times otherwise) and only its `@COLUMN` values are bound per page. Shared by
/// the pages rendered in parallel; a block that fails to parse is parsed again, and fails, on
/// every page, so its errors are each page's.
public final class TemplateParses: Sendable {
    /// A block's or span's text where it is written (the template's file, its line and column).
    private struct Key: Hashable {
        var kind: String
        var text: String
        var location: SourceLocation
    }

    private let parsed = Mutex<[Key: any Sendable]>([:])

    public init() {}

    func chart(_ block: FencedBlock, parse: () throws(Diagnostics) -> ChartRequest) throws(Diagnostics) -> ChartRequest {
        try reuse(Key(kind: "chart", text: block.body, location: block.location), parse)
    }

    func table(_ block: FencedBlock, parse: () throws(Diagnostics) -> TableRequest) throws(Diagnostics) -> TableRequest {
        try reuse(Key(kind: "table", text: block.body, location: block.location), parse)
    }

    /// An inline value read as one cell (nil: the span is not an inline value).
    func cell(
        _ code: InlineCode, parse: () throws(Diagnostic) -> InlineValueExpression?
    ) throws(Diagnostic) -> InlineValueExpression? {
        try reuse(Key(kind: "cell", text: code.code, location: code.location), parse)
    }

    private func reuse<Parsed: Sendable, Failure: Error>(_ key: Key, _ parse: () throws(Failure) -> Parsed) throws(Failure) -> Parsed {
        if let known = parsed.withLock({ $0[key] }), let reused = known as? Parsed { return reused }
        let fresh = try parse()
        parsed.withLock { $0[key] = fresh }
        return fresh
    }
}
