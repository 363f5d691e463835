import FolioCore
import Foundation

/// Output paths that would break on some file systems or servers: names that collide once case
/// and Unicode form are ignored, names reserved on Windows, and names over 255 bytes.
enum OutputNames {
    static let reserved: Set<String> =
        Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    /// `sources` maps each output path to the input that makes it.
    static func check(_ sources: [(output: String, source: String)]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var seen: [String: String] = [:]
        seen.reserveCapacity(sources.count)
        // Files folio itself makes come first, so a clash is reported at the author's file.
        let ordered = sources.sorted {
            ($0.source != "folio" ? 1 : 0, $0.output, $0.source) < ($1.source != "folio" ? 1 : 0, $1.output, $1.source)
        }
        for (output, source) in ordered {
            let folded = folded(output)
            defer {
                if let other = seen[folded] {
                    problems.append(Diagnostic(at: SourceLocation(path: source), SiteIssue.outputNameClash(other, output)))
                } else {
                    seen[folded] = source
                }
            }
            if isPlain(output) { continue }
            let at = SourceLocation(path: source)
            for component in output.split(separator: "/") {
                let stem = component.split(separator: ".", maxSplits: 1).first.map { $0.lowercased() } ?? ""
                if reserved.contains(stem) { problems.append(Diagnostic(at: at, SiteIssue.reservedOutputName(String(component)))) }
                if component.utf8.count > 255 { problems.append(Diagnostic(at: at, SiteIssue.outputNameTooLong(String(component)))) }
                // In a link these end the path (`#`, `?`) or start an escape (`%`): the page could not be reached.
                if let bad = component.first(where: { "#?%".contains($0) }) {
                    problems.append(Diagnostic(at: at, SiteIssue.nameBreaksLinks(String(component), character: bad)))
                }
            }
        }
        return problems
    }

    /// The name as compared for clashes: lower case, in Unicode's composed form.
    static func folded(_ output: String) -> String {
        guard output.utf8.allSatisfy({ $0 < 0x80 }) else { return output.precomposedStringWithCanonicalMapping.lowercased() }
        return String(decoding: output.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// True for a name of ASCII letters, digits, `-`, `_`, `.` and `/` whose every part is longer than
    /// four bytes before its first dot and shorter than 256: none of the checks below can find anything in it.
    static func isPlain(_ output: String) -> Bool {
        var partLength = 0
        var stemLength = 0
        var inStem = true
        for byte in output.utf8 {
            switch byte {
            case UInt8(ascii: "/"):
                guard stemLength > 4, partLength < 256 else { return false }
                (partLength, stemLength, inStem) = (0, 0, true)
                continue
            case UInt8(ascii: "."):
                inStem = false
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"):
                if inStem { stemLength += 1 }
            default:
                return false
            }
            partLength += 1
        }
        return stemLength > 4 && partLength < 256
    }
}
