import Foundation

/// Finds the partials and parents a template names (`{{> name}}`, `{{< name}}`), so a missing
/// one is an error at load time rather than an empty string at render time.
enum PartialReferences {
    struct Reference: Equatable {
        var name: String
        var line: Int
        var column: Int
    }

    /// References written with the default `{{ }}` delimiters; dynamic names (`{{>*x}}`) are skipped.
    static func find(in text: String) -> [Reference] {
        var references: [Reference] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            var rest = line[...]
            // Columns are counted from the last reference on, so a long line costs its length once.
            var (cursor, counted) = (line.startIndex, 0)
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                let trimmed = afterOpen.drop { $0 == " " }
                guard let sigil = trimmed.first, sigil == ">" || sigil == "<" else {
                    rest = afterOpen
                    continue
                }
                let nameStart = trimmed.dropFirst().drop { $0 == " " }
                guard let close = nameStart.range(of: "}}") else { break }
                let name = nameStart[..<close.lowerBound].trimmingSpaces()
                if !name.isEmpty, !name.hasPrefix("*") {
                    counted += line.distance(from: cursor, to: open.lowerBound)
                    cursor = open.lowerBound
                    let column = counted + 1
                    references.append(Reference(name: name, line: index + 1, column: column))
                }
                rest = nameStart[close.upperBound...]
            }
        }
        return references
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
