import FolioCore

/// The "Source: …" line under a chart or table: the block's own source, else the dataset's.
extension Source {
    /// The block's own source wins over its dataset's.
    static func line(block: Source?, dataset: Source?) -> Source? { block ?? dataset }

    /// `Source: <a href="…">title</a> (date)`; the title is a link only when `link` allows it.
    var html: String {
        let title = link.map { "<a href=\"\(Escape.html($0))\">\(Escape.html(self.title))</a>" } ?? Escape.html(self.title)
        guard let date else { return "Source: " + title }
        return "Source: " + title + (date.contains("(") ? ", \(Escape.html(date))" : " (\(Escape.html(date)))")
    }
}
