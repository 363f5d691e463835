import FolioTestSupport
import Foundation
import Testing

/// Shared helpers: xmllint validation and golden files (`SVGElement` reads SVG, in FolioTestSupport).
extension XMLLint {
    /// Fails the test when `xml` is not well-formed (or xmllint is missing).
    static func check(_ xml: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if let problems = try problems(xml) {
            Issue.record("xmllint rejected \(label): \(problems)", sourceLocation: sourceLocation)
        }
    }
}

enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares `text` with `Golden/NAME.svg` byte for byte; a mismatch writes `NAME.changed.svg`
    /// and fails. `FOLIO_RECORD=1` rewrites the golden file instead.
    static func match(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let golden = folder.appendingPathComponent("\(name).svg")
        let changed = folder.appendingPathComponent("\(name).changed.svg")
        let record = ProcessInfo.processInfo.environment["FOLIO_RECORD"] == "1"
        guard !record, let expected = try? Data(contentsOf: golden) else {
            try Data(text.utf8).write(to: golden)
            if !record { Issue.record("recorded missing golden \(name).svg; re-run", sourceLocation: sourceLocation) }
            return
        }
        if expected == Data(text.utf8) {
            try? FileManager.default.removeItem(at: changed)
            return
        }
        try Data(text.utf8).write(to: changed)
        Issue.record("\(name).svg differs from the golden file; see \(changed.path)", sourceLocation: sourceLocation)
    }
}
