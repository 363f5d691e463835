import FolioCore

/// What swift-mustache finds late or does not survive, checked before compiling: sections nested
/// past `depthLimit` (its parser recurses per level), a section never closed (reported where it
/// opens, not at the end of the file), and partials or parents that include themselves.
enum TemplateStructure {
    static let depthLimit = 100
    /// The longest chain of partials and parents one template may pull in.
    static let includeLimit = 64

    /// Problems in one template's sections; the first one only, as the rest follow from it.
    static func sectionProblem(in tags: [TemplateTags.Tag], path: String) -> Diagnostic? {
        var open: [(name: String, location: SourceLocation)] = []
        for tag in tags {
            let location = SourceLocation(path: path, line: tag.line, column: tag.column)
            switch tag.sigil {
            case "#", "^", "$", "<":
                open.append((tag.name, location))
                if open.count > depthLimit { return Diagnostic(at: location, TemplateIssue.nestedTooDeep(limit: depthLimit)) }
            case "/":
                guard let last = open.popLast() else { return Diagnostic(at: location, TemplateIssue.closedUnopened(tag.name)) }
                if last.name != tag.name { return Diagnostic(at: location, TemplateIssue.closedWrongName(tag.name, opened: last.name)) }
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
            references[source.name] = PartialReferences.find(in: source.tags).map {
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
}
