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
        // Files folio itself makes come first, so a clash is reported at the author's file.
        let ordered = sources.sorted {
            ($0.source != "folio" ? 1 : 0, $0.output, $0.source) < ($1.source != "folio" ? 1 : 0, $1.output, $1.source)
        }
        for (output, source) in ordered {
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
            let folded = output.precomposedStringWithCanonicalMapping.lowercased()
            if let other = seen[folded] {
                problems.append(Diagnostic(at: at, SiteIssue.outputNameClash(other, output)))
            } else {
                seen[folded] = source
            }
        }
        return problems
    }
}
