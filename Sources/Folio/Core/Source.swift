/// A source cited by a page, a dataset or a block: `{title, url, date}`, each kept as written.
/// The title is required; a bare string in YAML is a title alone.
public struct Source: Sendable, Hashable {
    public var title: String
    public var url: String?
    /// As written: an ISO date or free text.
    public var date: String?

    public init(title: String, url: String? = nil, date: String? = nil) {
        self.title = title
        self.url = url
        self.date = date
    }

    /// `CoreWeave S-1 (2025-03-03)`; a date that has its own parentheses follows a comma instead.
    public var text: String {
        guard let date else { return title }
        return date.contains("(") ? "\(title), \(date)" : "\(title) (\(date))"
    }

    /// The URL when it may become a link (see `SafeLink`); otherwise the source is shown as text.
    public var link: String? {
        url.flatMap { SafeLink.isSafe($0) ? $0 : nil }
    }
}
