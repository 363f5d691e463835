import FolioBlocks
import FolioCore
import FuzzSupport

/// The chart block parser on a block body whose fence is at line 5: every error lies in the block.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChartBlock(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let body = String(decoding: FuzzInput.bytes(data, size), as: UTF8.self)
    let path = "Content/fuzz.md"
    let fence = SourceLocation(path: path, line: 5, column: 1)
    do {
        let request = try BlockParser.chart(body, at: fence)
        for column in [request.x] + request.values { DiagnosticChecks.check(column.location, path: path, firstLine: fence.line) }
        require(!request.values.isEmpty, "a chart without value columns")
    } catch {
        DiagnosticChecks.check(error, path: path, firstLine: fence.line)
    }
    return 0
}
