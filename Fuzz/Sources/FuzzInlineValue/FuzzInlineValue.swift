import FolioBlocks
import FolioCore
import FolioData
import FolioFormat
import FuzzSupport

/// The inline-value parser on a code span at line 3, column 10: errors point inside the span.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInlineValue(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let code = String(decoding: FuzzInput.bytes(data, size), as: UTF8.self)
    let path = "Content/fuzz.md"
    let span = SourceLocation(path: path, line: 3, column: 10)
    do {
        guard let expression = try InlineValueExpression.parse(code, at: span) else {
            require(!code.hasPrefix("="), "an expression starting with '=' was not parsed")
            return 0
        }
        require(DatasetLibrary.isPlainName(expression.dataset), "dataset name '\(expression.dataset)' is not plain")
        require((1...2).contains(expression.columns.count), "\(expression.columns.count) columns")
        require(expression.columns.allSatisfy { !$0.isEmpty }, "an empty column name")
        require(!expression.selectors.isEmpty, "no selector")
        if let format = expression.format {
            require(NumberFormat(parsing: format.description) == format, "format \(format) does not read back from its description")
            for value in [0, -1.5, 1234.5678, 9.99e17, 1e300] { require(!format.format(value).isEmpty, "empty text from \(format)") }
        }
    } catch {
        DiagnosticChecks.check(error, path: path)
        let column = error.location.column
        let last = span.column + 1 + code.unicodeScalars.count
        require(
            error.location.line == span.line && column > span.column && column <= last,
            "error at \(error.location), outside the span (columns \(span.column + 1)...\(last))")
    }
    return 0
}
