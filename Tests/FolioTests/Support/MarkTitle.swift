import Foundation

/// A drawn mark with its native tooltip: `<rect class="…"><title>TEXT</title></rect>` on one line.
public struct MarkTitle: Equatable, Sendable {
    public let element: String
    public let classes: [String]
    public let text: String

    /// Every mark element of `svg` that carries a `<title>` child, in document order.
    public static func all(in svg: String) -> [MarkTitle] {
        guard let pattern = try? NSRegularExpression(pattern: "<([a-z]+)((?: [a-zA-Z0-9:-]+=\"[^\"]*\")*)><title>([^<]*)</title></\\1>")
        else { return [] }
        let ns = svg as NSString
        return pattern.matches(in: svg, range: NSRange(location: 0, length: ns.length)).map { match in
            let attributes = ns.substring(with: match.range(at: 2))
            let classMatch = attributes.range(of: "class=\"[^\"]*\"", options: .regularExpression)
            let classText = classMatch.map { String(attributes[$0].dropFirst(7).dropLast()) } ?? ""
            return MarkTitle(
                element: ns.substring(with: match.range(at: 1)), classes: classText.split(separator: " ").map(String.init),
                text: ns.substring(with: match.range(at: 3)))
        }
    }

    /// The tooltips of marks whose class list contains `className`.
    public static func texts(_ className: String, in svg: String) -> [String] {
        all(in: svg).filter { $0.classes.contains(className) }.map(\.text)
    }
}
