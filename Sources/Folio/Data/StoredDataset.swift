import FolioCore
import Synchronization

/// A dataset of the library: parsed already, or a checked CSV file parsed when something first
/// reads it, so a dataset no block, value or query uses costs only its bytes; or a file a previous
/// build checked, read whole (sidecar included) on the first read.
final class StoredDataset: Sendable {
    /// Known before the rows are parsed, except for a file read whole on first read.
    private let knownColumns: [DatasetColumn]?
    /// The rows once parsed: read without a lock, as every page of a build reads them.
    private let parsed = AtomicLazyReference<Parsed>()
    /// Held while parsing, so it happens once.
    private let parsing = Mutex(())
    private let parse: (@Sendable () -> Dataset)?

    private final class Parsed: Sendable {
        let dataset: Dataset
        init(_ dataset: Dataset) { self.dataset = dataset }
    }

    init(_ dataset: Dataset) {
        knownColumns = dataset.columns
        parse = nil
        _ = parsed.storeIfNil(Parsed(dataset))
    }

    /// `parse` runs at most once, on the first read; `columns` nil: the columns come from it too.
    init(columns: [DatasetColumn]?, parsingOnFirstRead parse: @escaping @Sendable () -> Dataset) {
        knownColumns = columns
        self.parse = parse
    }

    var columns: [DatasetColumn] { knownColumns ?? dataset.columns }

    var dataset: Dataset {
        if let known = parsed.load() { return known.dataset }
        return parsing.withLock { _ in
            if let known = parsed.load() { return known.dataset }
            let dataset = parse?() ?? Dataset(name: "", columns: [], rows: [], path: "")
            return parsed.storeIfNil(Parsed(dataset)).dataset
        }
    }

    /// Whether the rows have been parsed (a test's and the benchmark's question).
    var isParsed: Bool { parsed.load() != nil }
}
