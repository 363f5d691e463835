import FolioTestSupport
import Foundation
import Testing

/// Shared helpers: xmllint validation, golden files, and a small attribute reader for SVG.
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

/// Reads elements and their attributes out of our own SVG (one element per line).
struct SVGElement {
    let name: String
    let attributes: [String: String]
    let text: String

    func number(_ key: String) -> Double { attributes[key].flatMap(Double.init) ?? .nan }
    var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }

    static func all(_ name: String, in svg: String) -> [SVGElement] {
        let pattern = try? NSRegularExpression(pattern: "<\(name)((?: [a-zA-Z0-9:-]+=\"[^\"]*\")*)\\s*(?:/>|>([^<]*))")
        let attribute = try? NSRegularExpression(pattern: "([a-zA-Z0-9:-]+)=\"([^\"]*)\"")
        guard let pattern, let attribute else { return [] }
        let ns = svg as NSString
        return pattern.matches(in: svg, range: NSRange(location: 0, length: ns.length)).map { match in
            let attributeText = ns.substring(with: match.range(at: 1))
            let inner = attributeText as NSString
            var attributes: [String: String] = [:]
            for pair in attribute.matches(in: attributeText, range: NSRange(location: 0, length: inner.length)) {
                attributes[inner.substring(with: pair.range(at: 1))] = inner.substring(with: pair.range(at: 2))
            }
            let text = match.range(at: 2).location == NSNotFound ? "" : ns.substring(with: match.range(at: 2))
            return SVGElement(name: name, attributes: attributes, text: text)
        }
    }

    /// Elements whose class list contains `className`.
    static func all(_ name: String, class className: String, in svg: String) -> [SVGElement] {
        all(name, in: svg).filter { $0.classes.contains(className) }
    }
}
