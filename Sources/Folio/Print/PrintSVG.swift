import Foundation

/// The print version of a chart's standalone SVG, for WeasyPrint 57: it ignores CSS `var()`
/// (every mark would come out black) and `paint-order` (a label's halo would cover its letters).
/// So each `var(--name)` becomes the value the SVG's own stylesheet gives it (the light theme:
/// a standalone chart has no dark one), and each haloed text is drawn twice: the halo's stroke
/// underneath, the letters on top.
public enum PrintSVG {
    /// The chart font in print: Liberation Sans (Arial's widths, which the chart's text was
    /// measured for), then the CJK face for Chinese. WeasyPrint's SVG text takes its face from
    /// the root's `font-family` attribute, not from the stylesheet.
    static let printFonts = "\"Liberation Sans\", Arial, \"Noto Sans CJK SC\", sans-serif"
    static let printFontAttribute = "Liberation Sans, Arial, Noto Sans CJK SC, sans-serif"

    public static func printVersion(of svg: String) -> String {
        var values = customProperties(in: svg)
        values["chart-font"] = values["chart-font"] ?? printFonts
        var text = resolvingVariables(in: svg, values: values)
        text = text.replacingOccurrences(of: ".fc .fc-halo { paint-order: stroke; ", with: ".fc .fc-halo-under { ")
        return doublingHalos(in: scalable(text))
    }

    /// The root `<svg>` without its pixel `width` and `height` (WeasyPrint then scales the
    /// viewBox to the width of the page), with the print font as an attribute.
    static func scalable(_ svg: String) -> String {
        guard let start = svg.firstRange(of: "<svg "), let end = svg[start.upperBound...].firstIndex(of: ">") else { return svg }
        var tag = String(svg[start.lowerBound...end])
        for attribute in ["width", "height"] {
            guard let found = tag.firstRange(of: " \(attribute)=\""), let close = tag[found.upperBound...].firstIndex(of: "\"") else {
                continue
            }
            tag.removeSubrange(found.lowerBound...close)
        }
        tag = "<svg font-family=\"\(printFontAttribute)\"" + tag.dropFirst("<svg".count)
        return String(svg[..<start.lowerBound]) + tag + String(svg[svg.index(after: end)...])
    }

    /// `--name: value;` declarations, first one wins.
    static func customProperties(in svg: String) -> [String: String] {
        var values: [String: String] = [:]
        var rest = svg[...]
        while let start = rest.firstRange(of: "--") {
            let afterDashes = rest[start.upperBound...]
            guard let colon = afterDashes.firstIndex(of: ":"),
                afterDashes[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }), !afterDashes[..<colon].isEmpty
            else {
                rest = afterDashes
                continue
            }
            let valueStart = afterDashes.index(after: colon)
            guard let semicolon = afterDashes[valueStart...].firstIndex(where: { $0 == ";" || $0 == "}" || $0 == "\n" }) else { break }
            let name = String(afterDashes[..<colon])
            let value = afterDashes[valueStart..<semicolon].trimmingCharacters(in: " \t")
            if values[name] == nil, !value.isEmpty { values[name] = value }
            rest = afterDashes[semicolon...]
        }
        return values
    }

    /// Every `var(--name)` or `var(--name, fallback)` replaced by its value (else its fallback).
    static func resolvingVariables(in svg: String, values: [String: String]) -> String {
        var output = ""
        var rest = svg[...]
        while let start = rest.firstRange(of: "var(--") {
            output += rest[..<start.lowerBound]
            var depth = 1
            var index = start.upperBound
            while index < rest.endIndex, depth > 0 {
                if rest[index] == "(" { depth += 1 } else if rest[index] == ")" { depth -= 1 }
                if depth > 0 { index = rest.index(after: index) }
            }
            guard index < rest.endIndex else {
                output += rest[start.lowerBound...]
                return output
            }
            let inside = rest[start.upperBound..<index]
            let comma = inside.firstIndex(of: ",")
            let name = String(inside[..<(comma ?? inside.endIndex)]).trimmingCharacters(in: " ")
            let fallback = comma.map { String(inside[inside.index(after: $0)...]).trimmingCharacters(in: " ") }
            output += values[name] ?? fallback ?? "black"
            rest = rest[rest.index(after: index)...]
        }
        return output + rest
    }

    /// Each `<text …class="… fc-halo …">…</text>` as an `fc-halo-under` copy followed by the text without the halo.
    static func doublingHalos(in svg: String) -> String {
        var output = ""
        var rest = svg[...]
        while let start = rest.firstRange(of: "<text ") {
            output += rest[..<start.lowerBound]
            guard let tagEnd = rest[start.lowerBound...].firstIndex(of: ">"),
                let close = rest[tagEnd...].firstRange(of: "</text>")
            else {
                output += rest[start.lowerBound...]
                return output
            }
            let tag = String(rest[start.lowerBound...tagEnd])
            let element = String(rest[start.lowerBound..<close.upperBound])
            let body = element.dropFirst(tag.count)
            if let classes = classList(of: tag), classes.contains("fc-halo") {
                let under = classes.map { $0 == "fc-halo" ? "fc-halo-under" : $0 }.joined(separator: " ")
                let plain = classes.filter { $0 != "fc-halo" }.joined(separator: " ")
                let written = "class=\"" + classes.joined(separator: " ") + "\""
                output += tag.replacingOccurrences(of: written, with: "class=\"\(under)\"") + body
                output += tag.replacingOccurrences(of: written, with: "class=\"\(plain)\"") + body
            } else {
                output += element
            }
            rest = rest[close.upperBound...]
        }
        return output + rest
    }
}

extension PrintSVG {
    /// The classes of a start tag's `class="…"`, nil when it has none.
    static func classList(of tag: String) -> [String]? {
        guard let start = tag.firstRange(of: "class=\""), let end = tag[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return tag[start.upperBound..<end].split(separator: " ").map(String.init)
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
