import FolioCore
import FolioData

func at(_ path: String, _ line: Int, _ column: Int) -> FolioCore.SourceLocation {
    FolioCore.SourceLocation(path: path, line: line, column: column)
}

func read(_ text: String, _ format: DatasetFormat, meta: DatasetMeta? = nil) throws(Diagnostic) -> Dataset {
    try read(Array(text.utf8), format, meta: meta)
}

func read(_ bytes: [UInt8], _ format: DatasetFormat, meta: DatasetMeta? = nil) throws(Diagnostic) -> Dataset {
    try DatasetReader.read(bytes, format: format, name: "x", path: "Content/data/x.\(format.rawValue)", meta: meta)
}

/// The diagnostic reading `bytes` throws, or nil when it reads.
func failure(_ bytes: [UInt8], _ format: DatasetFormat) -> Diagnostic? {
    do {
        _ = try read(bytes, format)
        return nil
    } catch {
        return error
    }
}

func failure(_ text: String, _ format: DatasetFormat) -> Diagnostic? {
    failure(Array(text.utf8), format)
}
