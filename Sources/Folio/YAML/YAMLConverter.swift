import FolioCore
import Yams

/// Turns Yams' node tree into `YAMLValue`s, checking depth, keys and the alias budget as it goes.
struct YAMLConverter {
    let place: YAMLPlace
    private var aliasUses = 0
    private var aliasValues = 0
    private var anchorsSeen = Set<AnchorSite>()

    init(place: YAMLPlace) {
        self.place = place
    }

    /// An anchored node is identified by its name and where it was written: seeing it again is an alias.
    private struct AnchorSite: Hashable {
        var name: String
        var line: Int
        var column: Int
    }

    /// Converts `node`; `alias` is the anchor being expanded when `node` is reached through an alias.
    /// The anchored node an alias repeats, for the alias budget's error.
    struct AliasExpansion: Equatable {
        var anchor: String
        var location: SourceLocation
    }

    mutating func convert(_ node: Node, depth: Int, alias: AliasExpansion? = nil) throws(Diagnostic) -> YAMLValue {
        let here = place.location(node.mark)
        guard depth < YAMLReader.maxDepth else { throw Diagnostic(at: here, YAMLIssue.tooDeep(limit: YAMLReader.maxDepth)) }
        var alias = alias
        if let anchor = node.anchor {
            let site = AnchorSite(name: anchor.rawValue, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
            if !anchorsSeen.insert(site).inserted, alias == nil {
                aliasUses += 1
                guard aliasUses <= YAMLReader.maxAliases else {
                    throw Diagnostic(at: here, YAMLIssue.tooManyAliases(limit: YAMLReader.maxAliases))
                }
                alias = AliasExpansion(anchor: anchor.rawValue, location: here)
            }
        }
        if let alias {
            aliasValues += 1
            guard aliasValues <= YAMLReader.maxAliasValues else {
                throw Diagnostic(at: alias.location, YAMLIssue.aliasTooLarge(anchor: alias.anchor, limit: YAMLReader.maxAliasValues))
            }
        }
        switch node {
        case .scalar(let scalar):
            return .scalar(scalar.string, plain: scalar.style == .plain, at: here)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            items.reserveCapacity(sequence.count)
            for child in sequence {
                items.append(try convert(child, depth: depth + 1, alias: alias))
            }
            return .sequence(items, at: here)
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            var seen = Set<String>()
            for (key, value) in mapping {
                let keyLocation = place.location(key.mark)
                guard case .scalar(let keyScalar) = key else { throw Diagnostic(at: keyLocation, YAMLIssue.nonTextKey) }
                guard seen.insert(keyScalar.string).inserted else {
                    throw Diagnostic(at: keyLocation, YAMLIssue.duplicateKey(keyScalar.string))
                }
                let converted = try convert(value, depth: depth + 1, alias: alias)
                entries.append(YAMLEntry(key: keyScalar.string, keyLocation: keyLocation, value: converted))
            }
            return .mapping(entries, at: here)
        case .alias(let alias):
            throw Diagnostic(at: place.location(alias.mark), YAMLIssue.syntax("unresolved alias '*\(alias.anchor.rawValue)'"))
        }
    }
}
