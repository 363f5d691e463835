import FolioCore
import Synchronization

/// A layout's render for one context shape, cut where the strings go: filling it with a page's
/// strings gives the bytes rendering that page would, at the cost of copying them.
struct LayoutSkeleton: Sendable {
    enum Part: Sendable {
        case text(String)
        case string(Int, escaped: Bool)
    }

    let parts: [Part]

    /// Cuts `marked`, the render of a context whose strings were replaced by their markers
    /// (`ContextShape.marked`); nil when a marker is not where and as a marker is written.
    init?(marked: String, strings: [String]) {
        let bytes = Array(marked.utf8)
        let raw = Array(("&" + SkeletonMarker.close).utf8)
        let escaped = Array(("&amp;" + SkeletonMarker.close).utf8)
        var parts: [Part] = []
        var textStart = 0
        while let marker = SkeletonMarker.next(in: bytes, from: textStart) {
            if textStart < marker.start { parts.append(.text(String(decoding: bytes[textStart..<marker.start], as: UTF8.self))) }
            guard let number = marker.number, number < strings.count else { return nil }
            var end = marker.end
            let isEscaped = bytes[end...].starts(with: escaped)
            guard isEscaped || bytes[end...].starts(with: raw) else { return nil }
            end += isEscaped ? escaped.count : raw.count
            if strings[number].utf8.last == UInt8(ascii: "\n") {
                guard end < bytes.count, bytes[end] == UInt8(ascii: "\n") else { return nil }
                end += 1
            }
            parts.append(.string(number, escaped: isEscaped))
            textStart = end
        }
        if textStart < bytes.count { parts.append(.text(String(decoding: bytes[textStart...], as: UTF8.self))) }
        self.parts = parts
    }

    func fill(_ strings: [String]) -> String {
        var html = ""
        html.reserveCapacity(
            parts.reduce(0) { total, part in
                switch part {
                case .text(let text): total + text.utf8.count
                case .string(let index, _): total + strings[index].utf8.count + 16
                }
            })
        for part in parts {
            switch part {
            case .text(let text): html += text
            case .string(let index, let escaped): html += escaped ? Escape.html(strings[index]) : strings[index]
            }
        }
        return html
    }
}

/// The skeletons of a build's layouts, one per layout, frame and context shape: a shape's second
/// page makes its skeleton, kept only when filling it gives that page's own render, and every later
/// page of the shape is filled rather than rendered.
///
/// A skeleton holds only where nothing in the templates looks into a string: no transforms, no
/// pragmas, no new delimiters and no partial named at render time (`TemplateSet` checks this).
final class LayoutSkeletons: Sendable {
    /// At most this many shapes are kept; a build with more renders the rest.
    static let capacity = 4096

    private enum Entry: Sendable {
        case seenOnce
        case skeleton(LayoutSkeleton)
        case rendered
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// The shapes that have a skeleton.
    var skeletonCount: Int { entries.withLock { $0.values.count { if case .skeleton = $0 { true } else { false } } } }

    /// Whether templates whose tags are `tags` render every context of one shape alike up to its strings.
    static func hold(for tags: [TemplateTags.Tag]) -> Bool {
        !tags.contains { tag in
            tag.sigil == "=" || tag.name.hasPrefix("%") || tag.name.contains("(")
                || (tag.sigil == ">" && tag.name.hasPrefix("*"))
        }
    }

    /// The page's HTML, from its shape's skeleton when there is one; `render` renders a context.
    func render(layout name: String, frame: String, context: [String: Any], with render: ([String: Any]) -> String?) -> String? {
        guard let shape = ContextShape(context, fixed: FramePartials.frameKeys) else { return render(context) }
        let key = name + "\u{0}" + frame + "\u{0}" + shape.key
        switch entries.withLock({ $0[key] }) {
        case .skeleton(let skeleton):
            return skeleton.fill(shape.strings)
        case .rendered:
            return render(context)
        case .seenOnce:
            guard let html = render(context) else { return nil }
            let made = render(ContextShape.marked(context, fixed: FramePartials.frameKeys)).flatMap {
                LayoutSkeleton(marked: $0, strings: shape.strings)
            }
            let entry: Entry = made.flatMap { $0.fill(shape.strings) == html ? .skeleton($0) : nil } ?? .rendered
            entries.withLock { $0[key] = entry }
            return html
        case nil:
            entries.withLock { if $0.count < Self.capacity { $0[key] = .seenOnce } }
            return render(context)
        }
    }
}
