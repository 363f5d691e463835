import FolioCore

/// A JSON value with the place it starts; numbers keep their text as written.
struct JSONValue {
    enum Kind {
        case string(String)
        case number(String)
        case bool(Bool)
        case null
        case array([JSONValue])
        case object([JSONMember])
    }

    var kind: Kind
    var location: SourceLocation

    /// For error messages ("an object", "a list", …).
    var kindName: String {
        switch kind {
        case .string: "text"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// One `"key": value` pair of an object, with the key's location.
struct JSONMember {
    var key: String
    var keyLocation: SourceLocation
    var value: JSONValue
}
