import FolioYAML

/// What a successfully read YAML tree promises: every node placed, nesting bounded, keys unique.
public enum YAMLChecks {
    public static func check(_ value: YAMLValue, path: String, firstLine: Int, depth: Int = 0) {
        require(depth < YAMLReader.maxDepth, "a value nested \(depth) deep, past the limit of \(YAMLReader.maxDepth)")
        DiagnosticChecks.check(value.location, path: path, firstLine: firstLine)
        switch value {
        case .scalar:
            break
        case .sequence(let items, _):
            for item in items { check(item, path: path, firstLine: firstLine, depth: depth + 1) }
        case .mapping(let entries, _):
            let keys = entries.map(\.key)
            require(Set(keys).count == keys.count, "repeated keys in a mapping at \(value.location)")
            for entry in entries {
                DiagnosticChecks.check(entry.keyLocation, path: path, firstLine: firstLine)
                check(entry.value, path: path, firstLine: firstLine, depth: depth + 1)
            }
        }
    }
}
