import FolioCore
import Synchronization

/// A dataset of the library: parsed already, or a checked CSV file parsed when something first
/// reads it, so a dataset no block, value or query uses costs only its bytes; or a file a previous
/// build checked, read whole (sidecar included) on the first read.
final class StoredDataset: Sendable {
    /// Known before the rows are parsed, except for a file read whole on first read.
    private let knownColumns: [DatasetColumn]?
    private let parsed: Mutex<Dataset?>
    private let parse: (@Sendable () -> Dataset)?

    init(_ dataset: Dataset) {
        knownColumns = dataset.columns
        parsed = Mutex(dataset)
        parse = nil
    }

    /// `parse` runs at most once, on the first read; `columns` nil: the columns come from it too.
    init(columns: [DatasetColumn]?, parsingOnFirstRead parse: @escaping @Sendable () -> Dataset) {
        knownColumns = columns
        parsed = Mutex(nil)
        self.parse = parse
    }

    var columns: [DatasetColumn] { knownColumns ?? dataset.columns }

    var dataset: Dataset {
        parsed.withLock { stored in
            if let stored { return stored }
            let dataset = parse?() ?? Dataset(name: "", columns: [], rows: [], path: "")
            stored = dataset
            return dataset
        }
    }

    /// Whether the rows have been parsed (a test's and the benchmark's question).
    var isParsed: Bool { parsed.withLock { $0 != nil } }
}
