import Foundation

/// Reads elements and their attributes out of our own SVG (one element per line).
public struct SVGElement: Sendable {
    public let name: String
    public let attributes: [String: String]
    public let text: String

    public func number(_ key: String) -> Double { attributes[key].flatMap(Double.init) ?? .nan }
    public var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }

    public static func all(_ name: String, in svg: String) -> [SVGElement] {
        let pattern = try? NSRegularExpression(pattern: "<\(name)((?: [a-zA-Z0-9:-]+=\"[^\"]*\")*)\\s*(?:/>|>([^<]*))")
        let attribute = try? NSRegularExpression(pattern: "([a-zA-Z0-9:-]+)=\"([^\"]*)\"")
        guard let pattern, let attribute else { return [] }
        let ns = svg as NSString
        return pattern.matches(in: svg, range: NSRange(location: 0, length: ns.length)).map { match in
            let attributeText = ns.substring(with: match.range(at: 1))
            let inner = attributeText as NSString
            var attributes: [String: String] = [:]
            for pair in attribute.matches(in: attributeText, range: NSRange(location: 0, length: inner.length)) {
                attributes[inner.substring(with: pair.range(at: 1))] = inner.substring(with: pair.range(at: 2))
            }
            let text = match.range(at: 2).location == NSNotFound ? "" : ns.substring(with: match.range(at: 2))
            return SVGElement(name: name, attributes: attributes, text: text)
        }
    }

    /// Elements whose class list contains `className`.
    public static func all(_ name: String, class className: String, in svg: String) -> [SVGElement] {
        all(name, in: svg).filter { $0.classes.contains(className) }
    }
}
