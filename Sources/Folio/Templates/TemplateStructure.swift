import FolioCore

/// What swift-mustache finds late or does not survive, checked before compiling: sections nested
/// past `depthLimit` (its parser recurses per level), a section never closed (reported where it
/// opens, not at the end of the file), and partials or parents that include themselves.
enum TemplateStructure {
    static let depthLimit = 100
    /// The longest chain of partials and parents one template may pull in.
    static let includeLimit = 64

    /// Problems in one template's sections; the first one only, as the rest follow from it.
    static func sectionProblem(in text: String, path: String) -> Diagnostic? {
        var open: [(name: String, location: SourceLocation)] = []
        for tag in tags(in: text, path: path) {
            switch tag.sigil {
            case "#", "^", "$", "<":
                open.append((tag.name, tag.location))
                if open.count > depthLimit { return Diagnostic(at: tag.location, TemplateIssue.nestedTooDeep(limit: depthLimit)) }
            case "/":
                guard let last = open.popLast() else { return Diagnostic(at: tag.location, TemplateIssue.closedUnopened(tag.name)) }
                if last.name != tag.name { return Diagnostic(at: tag.location, TemplateIssue.closedWrongName(tag.name, opened: last.name)) }
            case "=":
                // New delimiters: the rest is not read with `{{ }}`; swift-mustache checks it.
                return nil
            default:
                continue
            }
        }
        guard let unclosed = open.last else { return nil }
        return Diagnostic(at: unclosed.location, TemplateIssue.neverClosed(unclosed.name))
    }

    /// A template that includes itself, directly or through others, or a chain of includes past
    /// `includeLimit`: an error at the reference that closes the loop or passes the limit.
    static func includeProblems(_ sources: [TemplateSource]) -> [Diagnostic] {
        var references: [String: [(name: String, location: SourceLocation)]] = [:]
        for source in sources {
            references[source.name] = PartialReferences.find(in: source.text).map {
                ($0.name, SourceLocation(path: source.displayPath, line: $0.line, column: $0.column))
            }
        }
        var problems: [Diagnostic] = []
        var reported: Set<String> = []
        var finished: Set<String> = []
        /// Depth-first below `name`, the last of `stack`; false once a problem is found.
        func visit(_ name: String, stack: [String]) -> Bool {
            if finished.contains(name) { return true }
            for reference in references[name] ?? [] {
                if let start = stack.firstIndex(of: reference.name) {
                    let loop = Array(stack[start...]) + [reference.name]
                    if reported.insert(Set(loop).sorted().joined(separator: " ")).inserted {
                        problems.append(Diagnostic(at: reference.location, TemplateIssue.includesItself(loop: loop)))
                    }
                    return false
                }
                if stack.count >= includeLimit {
                    problems.append(Diagnostic(at: reference.location, TemplateIssue.includesTooDeep(limit: includeLimit)))
                    return false
                }
                guard visit(reference.name, stack: stack + [reference.name]) else { return false }
            }
            finished.insert(name)
            return true
        }
        for source in sources.sorted(by: { $0.name < $1.name }) { _ = visit(source.name, stack: [source.name]) }
        return problems
    }

    private struct Tag {
        var sigil: Character?
        var name: String
        var location: SourceLocation
    }

    /// The `{{ }}` tags of `text`, with their sigil (`#`, `^`, `/`, `>`, …; nil for a variable).
    /// One pass over the scalars, so a long line costs its length, not its length squared.
    private static func tags(in text: String, path: String) -> [Tag] {
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
            let location = SourceLocation(path: path, line: line, column: index - lineStart + 1)
            var end = index + 2
            while end + 1 < scalars.count, !(scalars[end] == "}" && scalars[end + 1] == "}"), scalars[end] != "\n" { end += 1 }
            guard end + 1 < scalars.count, scalars[end] == "}" else {
                index = end
                continue
            }
            var body = String(String.UnicodeScalarView(scalars[(index + 2)..<end]))[...].drop { $0 == " " }
            let sigil = body.first.flatMap { "#^/$<>=!&{".contains($0) ? $0 : nil }
            if sigil != nil { body = body.dropFirst() }
            tags.append(Tag(sigil: sigil, name: String(body).trimmingCharacters(in: " }"), location: location))
            index = end + 2
        }
        return tags
    }
}

extension String {
    fileprivate func trimmingCharacters(in characters: String) -> String {
        String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
    }
}
