import FolioCore
import FolioData

/// What the "Source:" line under a chart or table cites (SPEC §3): the block's own `source:`; else
/// the sources of exactly the rows it shows, when its dataset has sources per row; else the
/// dataset's `source:`; else, for a derived dataset, "Computed from A, B" and their sources.
struct Citation: Equatable {
    /// The datasets and databases a derived dataset was computed from; empty for the others.
    var computedFrom: [String] = []
    var sources: [Source]

    static func of(block: Source?, dataset: Dataset, rows: [DatasetRow], columns: [String], library: DatasetLibrary) -> Citation? {
        if let block { return Citation(sources: [block]) }
        if let cited = library.citedSources(of: dataset, rows: rows, columns: columns), !cited.isEmpty { return Citation(sources: cited) }
        if let source = dataset.meta?.source { return Citation(sources: [source]) }
        guard !dataset.derivedFrom.isEmpty else { return nil }
        return Citation(computedFrom: dataset.derivedFrom, sources: inputSources(of: dataset, library: library))
    }

    /// The sources of every dataset a derived dataset read, in the order it names them.
    private static func inputSources(of dataset: Dataset, library: DatasetLibrary, depth: Int = 0) -> [Source] {
        var sources: [Source] = []
        for name in dataset.derivedFrom {
            guard let input = library[name], depth < 16 else { continue }
            let columns = input.columns.map(\.name)
            let cited =
                of(block: nil, dataset: input, rows: input.rows, columns: columns, library: library)?.sources
                ?? inputSources(of: input, library: library, depth: depth + 1)
            for source in cited where !sources.contains(source) { sources.append(source) }
        }
        return sources
    }

    /// `Computed from a, b. Sources: <a href="…">A</a> (2025); B`, without the closing full stop.
    var html: String {
        line(computed: computedFrom.map(Escape.html), sources: sources.map(\.titleHTML))
    }

    /// The same line as plain text, for the standalone SVG.
    var text: String {
        line(computed: computedFrom, sources: sources.map(\.text))
    }

    /// The first source's link, for the standalone SVG.
    var link: String? { sources.first?.link }

    private func line(computed: [String], sources: [String]) -> String {
        var parts: [String] = []
        if !computed.isEmpty { parts.append("Computed from " + computed.joined(separator: ", ")) }
        if !sources.isEmpty { parts.append((sources.count == 1 ? "Source: " : "Sources: ") + sources.joined(separator: "; ")) }
        return parts.joined(separator: ". ")
    }
}

extension Source {
    /// `<a href="…">title</a> (date)`; the title is a link only when `link` allows it.
    var titleHTML: String {
        let title = link.map { "<a href=\"\(Escape.html($0))\">\(Escape.html(self.title))</a>" } ?? Escape.html(self.title)
        guard let date else { return title }
        return title + (date.utf8.contains(UInt8(ascii: "(")) ? ", \(Escape.html(date))" : " (\(Escape.html(date)))")
    }
}
