import FolioContent
import FolioCore
import FuzzSupport

/// The front-matter splitter and the article reader. Both are handed valid UTF-8 (the caller checks).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard FuzzInput.text(bytes) != nil else { return 0 }
    let path = "Content/fuzz.md"
    do {
        let split = try FrontMatter.split(bytes, path: path)
        // The body is the end of the file, and the offset counts the lines before it.
        require(
            bytes.count >= split.body.count && bytes.suffix(split.body.count).elementsEqual(split.body), "the body is not the file's end")
        if !split.body.isEmpty {
            let before = bytes.prefix(bytes.count - split.body.count).count { $0 == UInt8(ascii: "\n") }
            require(before == split.bodyLineOffset, "body line offset \(split.bodyLineOffset), but \(before) lines come before the body")
        }
        require(split.bodyLineOffset >= 2, "a front matter with fewer than two fence lines")
    } catch {
        DiagnosticChecks.check(error, path: path)
    }
    do {
        let article = try ArticleReader.read(bytes, path: "fuzz.md", displayPath: path)
        require(article.path == "fuzz.md" && article.displayPath == path, "the article lost its path")
        DiagnosticChecks.check(article.layoutLocation, path: path)
        for entry in article.params { YAMLChecks.check(entry.value, path: path, firstLine: 2, depth: 1) }
    } catch {
        DiagnosticChecks.check(error, path: path)
    }
    return 0
}
