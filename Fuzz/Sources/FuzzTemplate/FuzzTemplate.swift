import FolioCore
import FolioTemplates
import FuzzSupport

/// A theme from the input: the text before the first NUL is the layout `page`, the text after it
/// the partial `part` (which the layout may include, and which may include itself). Compiling
/// either refuses with errors located in those two files, or gives a set that renders.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let split = bytes.firstIndex(of: 0) ?? bytes.count
    let layout = TemplateSource(name: "page", kind: .layout, displayPath: "Templates/layouts/page.mustache", bytes: Array(bytes[..<split]))
    let partial = TemplateSource(
        name: "part", kind: .partial, displayPath: "Templates/partials/part.mustache", bytes: Array(bytes[min(split + 1, bytes.count)...]))
    do {
        let set = try TemplateSet.compile([layout, partial])
        let context: [String: Any] = ["title": "<T>", "items": [["name": "a"], ["name": "b"]], "page": ["has_toc": true]]
        _ = try? set.render(layout: "page", context: context, at: SourceLocation(path: "Content/fuzz.md"))
    } catch {
        for diagnostic in error.all {
            DiagnosticChecks.check(diagnostic, path: diagnostic.location.path)
            require(
                [layout.displayPath, partial.displayPath].contains(diagnostic.location.path),
                "an error outside the two templates: \(diagnostic)")
        }
    }
    return 0
}
