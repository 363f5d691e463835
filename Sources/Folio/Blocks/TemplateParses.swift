import FolioCore
import Synchronization

/// The blocks and spans of the pages made from data, as parsed: every page of one template has
/// the same body, so a `table` block's YAML or an inline value's expression is read once for all
/// of them (10,000 times otherwise) and only its `@COLUMN` values are bound per page. Shared by
/// the pages rendered in parallel; a block that fails to parse is parsed again, and fails, on
/// every page, so its errors are each page's.
public final class TemplateParses: Sendable {
    private let charts = ParseCache<ChartRequest>()
    private let tables = ParseCache<TableRequest>()
    private let cells = ParseCache<InlineValueExpression?>()

    public init() {}

    func chart(_ block: FencedBlock, parse: () throws(Diagnostics) -> ChartRequest) throws(Diagnostics) -> ChartRequest {
        try charts.reuse(at: block.location, text: block.body, parse)
    }

    func table(_ block: FencedBlock, parse: () throws(Diagnostics) -> TableRequest) throws(Diagnostics) -> TableRequest {
        try tables.reuse(at: block.location, text: block.body, parse)
    }

    /// An inline value read as one cell (nil: the span is not an inline value).
    func cell(
        _ code: InlineCode, parse: () throws(Diagnostic) -> InlineValueExpression?
    ) throws(Diagnostic) -> InlineValueExpression? {
        try cells.reuse(at: code.location, text: code.code, parse)
    }
}

/// One kind of block or span as parsed, by where it is written (the template's file, its line and
/// column); its text is compared on a hit rather than hashed on every read.
private final class ParseCache<Parsed: Sendable>: Sendable {
    private let parsed = Mutex<[SourceLocation: (text: String, parsed: Parsed)]>([:])

    func reuse<Failure: Error>(
        at location: SourceLocation, text: String, _ parse: () throws(Failure) -> Parsed
    ) throws(Failure) -> Parsed {
        if let known = parsed.withLock({ $0[location] }), known.text == text { return known.parsed }
        let fresh = try parse()
        parsed.withLock { $0[location] = (text, fresh) }
        return fresh
    }
}
