import FolioCore

/// A data file's bytes, checked and located with Core's UTF-8 rule; a BOM is skipped.
struct TextBytes {
    let bytes: [UInt8]
    let path: String
    /// Where the text starts: 3 when the file begins with a UTF-8 BOM.
    let start: Int

    init(_ bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        self.start = UTF8Validation.byteOrderMarkLength(bytes)
    }

    /// Throws at the first invalid UTF-8 byte or NUL byte, whichever comes first.
    func validate() throws(Diagnostic) {
        let invalid = UTF8Validation.firstInvalidByte(in: bytes, from: start)
        let nul = bytes[start...].firstIndex(of: 0)
        if let bad = [invalid, nul].compactMap({ $0 }).min() {
            throw Diagnostic(at: location(of: bad), bytes[bad] == 0 ? DataIssue.nulByte : DataIssue.invalidUTF8)
        }
    }

    /// The text after the BOM; call `validate()` first.
    var text: String {
        String(decoding: bytes[start...], as: UTF8.self)
    }

    /// The line and column of byte `index` (rescans from the start: for errors only).
    func location(of index: Int) -> SourceLocation {
        let position = UTF8Validation.position(ofByte: index, in: bytes)
        return SourceLocation(path: path, line: position.line, column: position.column)
    }
}
