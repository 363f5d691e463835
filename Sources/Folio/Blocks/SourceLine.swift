import FolioCore
import FolioData

/// The "Source: …" line under a chart or table: the block's own source, else the dataset's.
struct SourceLine: Equatable, Sendable {
    var title: String
    var url: String?
    var date: String?

    init?(block: BlockSource?, dataset: SourceInfo?) {
        if let block {
            self.init(title: block.title, url: block.url, date: block.date)
        } else if let dataset, let title = dataset.title {
            self.init(title: title, url: dataset.url, date: dataset.date)
        } else {
            return nil
        }
    }

    init(title: String, url: String?, date: String?) {
        self.title = title
        self.url = url
        self.date = date
    }

    /// Plain text: `CoreWeave S-1 (2025-03-03)`.
    /// `CoreWeave S-1 (2025-03-03)`; a date that has its own parentheses follows a comma instead.
    var text: String {
        guard let date else { return title }
        return date.contains("(") ? "\(title), \(date)" : "\(title) (\(date))"
    }

    /// The URL when `SafeLink` allows it; anything else is shown as text.
    var safeURL: String? {
        url.flatMap { SafeLink.isSafe($0) ? $0 : nil }
    }

    var html: String {
        let title = safeURL.map { "<a href=\"\(Escape.html($0))\">\(Escape.html(self.title))</a>" } ?? Escape.html(self.title)
        guard let date else { return "Source: " + title }
        return "Source: " + title + (date.contains("(") ? ", \(Escape.html(date))" : " (\(Escape.html(date)))")
    }
}
