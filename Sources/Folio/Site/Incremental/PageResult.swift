import FolioBlocks

/// One page's files and the record of what they were made from, rendered now or reused.
struct PageResult: Sendable {
    var files: [OutputFile]
    var record: BuildState.PageRecord
    var wasRendered: Bool

    /// `files`: the page's own file, then what its blocks made, as the sink kept them.
    init(_ rendered: RenderedPage, files: [OutputFile], hashes: InputHashes) {
        let made = rendered.made
        let article = rendered.page.article
        self.files = files
        var details = PageDetails(files: Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.hash) }))
        details.values.reserveCapacity(made.records.count { $0.kind == .value })
        for block in made.records { details.add(block) }
        record = BuildState.PageRecord(
            fingerprint: hashes.fingerprint(article: article, file: rendered.page.loaded.file.path, datasets: Array(made.datasets)),
            datasets: made.datasets.sorted(), tables: made.records.count { $0.kind == .table }, source: article.displayPath,
            details: details)
        wasRendered = true
    }

    private init(files: [OutputFile], record: BuildState.PageRecord) {
        self.files = files
        self.record = record
        self.wasRendered = false
    }

    /// The page as the previous build made it, when nothing it was made from has changed
    /// and its files are still in the output.
    static func reusing(_ page: Page, previous: BuildState?, hashes: InputHashes) -> PageResult? {
        guard let previous, let record = previous.pages[page.outputPath],
            record.fingerprint == hashes.fingerprint(article: page.article, file: page.loaded.file.path, datasets: record.datasets),
            record.files.allSatisfy({ previous.outputs[$0.key] == $0.value })
        else { return nil }
        let files = record.files.sorted { $0.key < $1.key }.map { OutputFile.reused(path: $0.key, hash: $0.value) }
        return PageResult(files: files, record: record)
    }
}

/// The result of building a site in memory.
public struct SiteBuild: Sendable {
    public var files: [OutputFile]
    public var summary: BuildSummary
    public var state: BuildState
    /// The articles rendered this time (the rest were reused), by their Content path.
    public var rendered: [String]
    /// What changed for a reader since the previous build: pages added or removed, and every
    /// chart and inline value whose numbers changed.
    public var changes: [String]
}

extension PageDetails {
    /// Keeps what a block showed, keyed as the change report names it.
    mutating func add(_ block: BlockRecord) {
        var dataset: String { block.dataset.map { " (\($0))" } ?? "" }
        switch block.kind {
        case .value:
            values[block.id] = block.cells.first?.first ?? ""
        case .chart:
            charts[block.id] = block.cells
            chartTitles[block.id] = "'\(block.title ?? "")'" + dataset
        case .table:
            tableDigests[block.id + dataset] = ContentHash.combine(block.cells.map(ContentHash.combine))
        case .claim:
            // Two claims with the same text on a page are told apart by their line.
            let key = claims[block.id] == nil ? block.id : "\(block.id) (line \(block.line ?? 0))"
            claims[key] = BuildState.ClaimRecord(line: block.line ?? 0, operands: block.cells)
        }
    }
}

extension BuildState {
    init(outputs files: [OutputFile], pages: [String: PageRecord]) {
        let outputs = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.hash) })
        self.init(buildID: Self.buildID(of: outputs), outputs: outputs, pages: pages)
    }

    /// A hash of every output file's path and hash (an `OutputSum`).
    /// Summed in parts on several threads: a file's part is a SHA-256, and a large site has many.
    static func buildID(of outputs: [String: String]) -> String {
        let entries = Array(outputs)
        let parts = ParallelWork.map(entries.indices, by: 2048, jobs: nil) { range in
            var sum = OutputSum()
            for (path, hash) in entries[range] { sum.add(path: path, hash: hash) }
            return sum
        }
        return parts.reduce(into: OutputSum()) { $0.add($1) }.hex
    }
}
