import FolioCore

/// A YAML node with its values kept as written and the place each one came from.
/// Only `true` and `false` are booleans; `NO`, `on`, `012345` and `1.10` stay text.
public indirect enum YAMLValue: Sendable, Equatable {
    /// A scalar as written; `plain` is false for quoted or block scalars.
    case scalar(String, plain: Bool, at: SourceLocation)
    case sequence([YAMLValue], at: SourceLocation)
    case mapping([YAMLEntry], at: SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(_, _, let at), .sequence(_, let at), .mapping(_, let at): at
        }
    }

    /// The scalar's text, or nil for a sequence or mapping.
    public var text: String? {
        if case .scalar(let text, _, _) = self { return text }
        return nil
    }

    /// The scalar's text unless it is null: what every stage reads as a text value.
    public var nonNullText: String? {
        isNull ? nil : text
    }

    /// `true` or `false` written plainly; nil for anything else.
    public var bool: Bool? {
        guard case .scalar(let text, plain: true, _) = self else { return nil }
        return text == "true" ? true : text == "false" ? false : nil
    }

    /// A plain empty scalar, `~` or `null`.
    public var isNull: Bool {
        guard case .scalar(let text, plain: true, _) = self else { return false }
        return text.isEmpty || text == "~" || text == "null"
    }

    public var entries: [YAMLEntry]? {
        if case .mapping(let entries, _) = self { return entries }
        return nil
    }

    public var items: [YAMLValue]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    /// The value under `key` in a mapping.
    public subscript(key: String) -> YAMLValue? {
        entries?.first { $0.key == key }?.value
    }

    /// What kind of node this is, for error messages ("a list", "a mapping", "text").
    public var kindName: String {
        switch self {
        case .scalar: "a single value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// One `key: value` pair of a mapping, with the key's location.
public struct YAMLEntry: Sendable, Equatable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLValue

    public init(key: String, keyLocation: SourceLocation, value: YAMLValue) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
