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

    /// Only http(s) links become links, and only without spaces or control characters (as in
    /// the standalone SVG); anything else is shown as text.
    var safeURL: String? {
        guard let url else { return nil }
        let lowered = url.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else { return nil }
        return url.unicodeScalars.contains { $0.value < 0x21 || (0x7F...0x9F).contains($0.value) } ? nil : url
    }

    var html: String {
        let title = safeURL.map { "<a href=\"\(Escape.html($0))\">\(Escape.html(self.title))</a>" } ?? Escape.html(self.title)
        guard let date else { return "Source: " + title }
        return "Source: " + title + (date.contains("(") ? ", \(Escape.html(date))" : " (\(Escape.html(date)))")
    }
}
