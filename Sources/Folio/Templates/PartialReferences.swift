/// The `{{ }}` tags of a template, read in one pass over its scalars (a long line costs its
/// length, not its length squared). Tags written with other delimiters are not seen.
enum TemplateTags {
    struct Tag: Equatable {
        /// `#`, `^`, `/`, `>`, `<`, `$`, `=`, `!`, `&` or `{`; nil for a plain variable.
        var sigil: Character?
        var name: String
        var line: Int
        var column: Int
    }

    static func scan(_ text: String) -> [Tag] {
        var tags: [Tag] = []
        let scalars = Array(text.unicodeScalars)
        var (index, line, lineStart) = (0, 1, 0)
        while index + 1 < scalars.count {
            if scalars[index] == "\n" {
                (line, lineStart) = (line + 1, index + 1)
                index += 1
                continue
            }
            guard scalars[index] == "{", scalars[index + 1] == "{" else {
                index += 1
                continue
            }
            var end = index + 2
            while end + 1 < scalars.count, !(scalars[end] == "}" && scalars[end + 1] == "}"), scalars[end] != "\n" { end += 1 }
            guard end + 1 < scalars.count, scalars[end] == "}" else {
                index = end
                continue
            }
            var body = String(String.UnicodeScalarView(scalars[(index + 2)..<end]))[...].drop { $0 == " " }
            let sigil = body.first.flatMap { "#^/$<>=!&{".contains($0) ? $0 : nil }
            if sigil != nil { body = body.dropFirst() }
            tags.append(Tag(sigil: sigil, name: body.trimmed(of: " }"), line: line, column: index - lineStart + 1))
            index = end + 2
        }
        return tags
    }
}

/// Finds the partials and parents a template names (`{{> name}}`, `{{< name}}`), so a missing
/// one is an error at load time rather than an empty string at render time.
enum PartialReferences {
    struct Reference: Equatable {
        var name: String
        var line: Int
        var column: Int
    }

    /// References written with the default `{{ }}` delimiters, from a template's tags; dynamic
    /// names (`{{>*x}}`) are skipped.
    static func find(in tags: [TemplateTags.Tag]) -> [Reference] {
        tags.compactMap { tag in
            guard tag.sigil == ">" || tag.sigil == "<", !tag.name.isEmpty, !tag.name.hasPrefix("*") else { return nil }
            return Reference(name: tag.name, line: tag.line, column: tag.column)
        }
    }
}

extension Substring {
    fileprivate func trimmed(of characters: String) -> String {
        var kept = self
        while let first = kept.first, characters.contains(first) { kept.removeFirst() }
        while let last = kept.last, characters.contains(last) { kept.removeLast() }
        return String(kept)
    }
}
