import FolioCore
import FolioYAML

/// Splits an article into its YAML front matter and its Markdown body.
public enum FrontMatter {
    /// The front matter's text, and the body's bytes with the number of lines before it.
    public struct Split: Sendable, Equatable {
        public var yaml: String
        public var body: [UInt8]
        /// Lines of the file before the body (the front matter and its two fences).
        public var bodyLineOffset: Int
    }

    /// Splits `bytes`; the caller has already checked that they are valid UTF-8.
    public static func split(_ bytes: [UInt8], path: String) throws(Diagnostic) -> Split {
        var lines = LineCursor(bytes)
        lines.position = UTF8Validation.byteOrderMarkLength(bytes)
        guard let first = lines.next(), isFence(first, in: bytes) else {
            throw Diagnostic(at: SourceLocation(path: path), ContentIssue.missingFrontMatter)
        }
        let yamlStart = lines.position
        var lineCount = 1
        while let line = lines.next() {
            lineCount += 1
            if isFence(line, in: bytes) {
                let yaml = String(decoding: bytes[yamlStart..<line.lowerBound], as: UTF8.self)
                return Split(yaml: yaml, body: Array(bytes[lines.position...]), bodyLineOffset: lineCount)
            }
        }
        throw Diagnostic(at: SourceLocation(path: path), ContentIssue.unclosedFrontMatter)
    }

    private static func isFence(_ line: Range<Int>, in bytes: [UInt8]) -> Bool {
        var content = bytes[line]
        if content.last == UInt8(ascii: "\r") { content = content.dropLast() }
        while content.last == UInt8(ascii: " ") { content = content.dropLast() }
        return content.elementsEqual("---".utf8)
    }
}

/// Walks the lines of a byte buffer, yielding each line's range without its `\n`.
struct LineCursor {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> Range<Int>? {
        guard position < bytes.count else { return nil }
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
        let line = start..<position
        if position < bytes.count { position += 1 }
        return line
    }
}
