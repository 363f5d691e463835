import FolioCore

/// What of a page's context decides how a template renders it, with its strings set aside: the
/// keys, the booleans and numbers, the length of each list, and of each string only whether it is
/// empty or ends a line (swift-mustache indents a partial's next token after a line's end). Two
/// contexts of one shape render alike up to where their strings go.
struct ContextShape {
    /// The shape as text: equal for two contexts exactly when their shapes are.
    private(set) var key = ""
    /// The context's non-empty strings, in the order the shape meets them (keys sorted).
    private(set) var strings: [String] = []

    /// The shape of `context` outside its `fixed` keys; nil when it holds a value that has no
    /// shape (a closure, a type of its own), which is rendered as it is.
    init?(_ context: [String: Any], fixed: Set<String>) {
        key.reserveCapacity(1024)
        for name in context.keys.sorted() where !fixed.contains(name) {
            guard let value = context[name] else { continue }
            label(name)
            guard walk(value) else { return nil }
        }
    }

    private mutating func walk(_ value: Any) -> Bool {
        switch value {
        case let text as String:
            if text.isEmpty {
                key += "e"
            } else {
                key += text.utf8.last == UInt8(ascii: "\n") ? "n" : "s"
                strings.append(text)
            }
        case let flag as Bool: key += flag ? "T" : "F"
        case let number as Int:
            key += "i"
            key += String(number)
            key += ";"
        case let values as [String: Any]:
            key += "{"
            for name in values.keys.sorted() {
                guard let item = values[name] else { continue }
                label(name)
                guard walk(item) else { return false }
            }
            key += "}"
        case let items as [Any]:
            key += "["
            for item in items {
                guard walk(item) else { return false }
            }
            key += "]"
        default: return false
        }
        return true
    }

    /// A key as the shape writes it: its length first, so no key can pass for another's end.
    private mutating func label(_ name: String) {
        key += String(name.utf8.count)
        key += ":"
        key += name
    }

    /// `context` with each string outside `fixed` that the shape counts replaced by the marker of
    /// its place in `strings`, in the same order.
    static func marked(_ context: [String: Any], fixed: Set<String>) -> [String: Any] {
        var next = 0
        var marked = context
        for name in context.keys.sorted() where !fixed.contains(name) {
            guard let value = context[name] else { continue }
            marked[name] = mark(value, next: &next)
        }
        return marked
    }

    private static func mark(_ value: Any, next: inout Int) -> Any {
        switch value {
        case let text as String:
            guard !text.isEmpty else { return text }
            defer { next += 1 }
            return SkeletonMarker.text(next, endsLine: text.utf8.last == UInt8(ascii: "\n"))
        case let flag as Bool: return flag
        case let number as Int: return number
        case let values as [String: Any]:
            var marked = values
            for name in values.keys.sorted() {
                guard let item = values[name] else { continue }
                marked[name] = mark(item, next: &next)
            }
            return marked
        case let items as [Any]: return items.map { mark($0, next: &next) }
        default: return value
        }
    }
}

/// The text that stands for string `index` in a skeleton's render: two private-use characters
/// around its number and an `&`, which HTML escaping turns into `&amp;` (so the render shows whether
/// the string was escaped), and the line end the string ends with, if it does.
extension SkeletonMarker {
    static func text(_ index: Int, endsLine: Bool) -> String { open + String(index) + "&" + close + (endsLine ? "\n" : "") }
}
