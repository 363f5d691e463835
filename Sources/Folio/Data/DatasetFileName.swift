/// What a file of the data folder is, read from its name: `NAME.csv|json|yaml|yml` is a dataset,
/// `NAME.meta.yml` describes one. The one rule for a dataset's name, used by the library and by
/// the incremental build's hashes.
public struct DatasetFileName: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case data(DatasetFormat)
        case meta
    }

    /// The name before the extension (everything before the last `.`, or before `.meta.yml`);
    /// it may still not be a plain name (see `DatasetLibrary.isPlainName`).
    public var dataset: String
    public var kind: Kind

    /// Nil for a file that is neither a dataset nor a meta file.
    public init?(_ fileName: String) {
        if fileName.hasSuffix(".meta.yml") {
            dataset = String(fileName.dropLast(".meta.yml".count))
            kind = .meta
        } else if let dot = fileName.lastIndex(of: "."),
            let format = DatasetFormat(fileExtension: String(fileName[fileName.index(after: dot)...]))
        {
            dataset = String(fileName[..<dot])
            kind = .data(format)
        } else {
            return nil
        }
    }
}
