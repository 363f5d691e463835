import FolioBlocks
import FolioCore
import FuzzSupport

/// The table block parser on a block body whose fence is at line 5: every error lies in the block.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTableBlock(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let body = String(decoding: FuzzInput.bytes(data, size), as: UTF8.self)
    let path = "Content/fuzz.md"
    let fence = SourceLocation(path: path, line: 5, column: 1)
    do {
        let request = try BlockParser.table(body, at: fence)
        for column in request.columns ?? [] { DiagnosticChecks.check(column.key.location, path: path, firstLine: fence.line) }
        if case .inlineCSV(_, let at) = request.data { DiagnosticChecks.check(at, path: path, firstLine: fence.line) }
    } catch {
        DiagnosticChecks.check(error, path: path, firstLine: fence.line)
    }
    return 0
}
