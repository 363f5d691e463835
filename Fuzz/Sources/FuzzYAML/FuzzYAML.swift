import FolioCore
import FolioYAML
import FuzzSupport

/// The YAML reader, as front matter and blocks use it: shifted by a line offset, every location inside the document.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: FuzzInput.bytes(data, size), as: UTF8.self)
    let path = "Content/fuzz.md"
    let lineOffset = 7
    do {
        if let value = try YAMLReader.read(text, path: path, lineOffset: lineOffset) {
            YAMLChecks.check(value, path: path, firstLine: lineOffset + 1)
        }
    } catch {
        DiagnosticChecks.check(error, path: path, firstLine: lineOffset + 1)
    }
    return 0
}
