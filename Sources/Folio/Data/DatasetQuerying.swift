import FolioCore

/// Runs a block's own query (`sql:`) over the build's datasets; the Query stage answers. The
/// result is a dataset like any other, and `reads` names the datasets and databases it read.
public protocol DatasetQuerying: Sendable {
    /// `sql` as written in the block; `location` is where its first character sits in the article.
    func dataset(forQuery sql: String, at location: SourceLocation) throws(Diagnostics) -> (dataset: Dataset, reads: [String])
}
