import FolioCore

/// An article's render cut where its replaced blocks and spans go. The pages made from one
/// template share their Markdown, so it is parsed and rendered once and each page's own HTML for
/// its pieces is put in the gaps.
///
/// cmark copies a custom node's HTML as it is, and what it writes around a block depends only on
/// whether that HTML is empty or ends a line; heading ids leave custom nodes out. So a page whose
/// replacements match the skeleton's in those respects, with the same links and reserved ids,
/// renders to the skeleton filled with its HTML.
public struct MarkdownSkeleton: Sendable {
    /// What a replacement must be for the skeleton to hold.
    private enum Slot: Sendable, Equatable {
        case inline
        case block(endsLine: Bool)
        case url(String)
    }

    private enum Part: Sendable {
        case text(String)
        case piece(Int)
    }

    /// The pieces of the Markdown, as `MarkdownParser.parse` finds them.
    public let pieces: [MarkdownPiece]
    private let body: [UInt8]
    private let slots: [Int: Slot]
    private let reservedIDs: Set<String>
    private let parts: [Part]
    /// The bytes of the parts' text, which every fill copies.
    private let textBytes: Int
    private let headings: [Heading]

    /// Cuts the render of `body` with `replacements`, kept only when filling the cut gives
    /// `rendered`, the render made with them; nil when it does not or the body holds a marker.
    public init?(
        body: [UInt8], path: String, options: MarkdownOptions, replacements: [Int: MarkdownReplacement], reservedIDs: Set<String>,
        rendered: RenderedMarkdown
    ) throws(Diagnostics) {
        guard !ByteSearch.contains(SkeletonMarker.open.utf8, in: body), !ByteSearch.contains(SkeletonMarker.close.utf8, in: body) else {
            return nil
        }
        let parsed = try MarkdownParser.parse(body, path: path, options: options)
        var slots: [Int: Slot] = [:]
        var marked: [Int: MarkdownReplacement] = [:]
        for (index, replacement) in replacements where parsed.pieces.indices.contains(index) {
            switch (replacement, parsed.pieces[index]) {
            case (.url(let url), .link):
                slots[index] = .url(url)
                marked[index] = replacement
            case (.html, .inlineCode):
                slots[index] = .inline
                marked[index] = .html(Self.marker(index))
            case (.html(let html), .fencedBlock) where !html.isEmpty:
                let endsLine = html.utf8.last == UInt8(ascii: "\n")
                slots[index] = .block(endsLine: endsLine)
                marked[index] = .html(Self.marker(index) + (endsLine ? "\n" : ""))
            default:
                return nil
            }
        }
        let pieces = parsed.pieces
        let markedRender = try parsed.render(marked, reservedIDs: reservedIDs)
        guard markedRender.headings == rendered.headings, let parts = Self.cut(markedRender.html, slots: slots) else { return nil }
        self.pieces = pieces
        self.body = body
        self.slots = slots
        self.reservedIDs = reservedIDs
        self.parts = parts
        textBytes = parts.reduce(0) { if case .text(let text) = $1 { $0 + text.utf8.count } else { $0 } }
        self.headings = rendered.headings
        guard fill(body: body, replacements, reservedIDs: reservedIDs) == rendered else { return nil }
    }

    /// The render of `body` (the skeleton's own) with `replacements`; nil when they do not fit it.
    public func fill(body: [UInt8], _ replacements: [Int: MarkdownReplacement], reservedIDs: Set<String>) -> RenderedMarkdown? {
        guard body == self.body, reservedIDs == self.reservedIDs, replacements.count == slots.count else { return nil }
        var size = 0
        for (index, replacement) in replacements {
            switch (replacement, slots[index]) {
            case (.url(let url), .url(let expected)?) where url == expected: break
            case (.html(let html), .inline?): size += html.utf8.count
            case (.html(let html), .block(let endsLine)?) where !html.isEmpty && (html.utf8.last == UInt8(ascii: "\n")) == endsLine:
                size += html.utf8.count
            default: return nil
            }
        }
        var html = ""
        html.reserveCapacity(size + textBytes)
        for part in parts {
            switch part {
            case .text(let text): html += text
            case .piece(let index): if case .html(let piece)? = replacements[index] { html += piece }
            }
        }
        return RenderedMarkdown(html: html, headings: headings)
    }

    private static func marker(_ index: Int) -> String { SkeletonMarker.open + String(index) + SkeletonMarker.close }

    /// The render cut at its markers, each HTML slot's marker found exactly once.
    private static func cut(_ html: String, slots: [Int: Slot]) -> [Part]? {
        let bytes = Array(html.utf8)
        let close = Array(SkeletonMarker.close.utf8)
        var parts: [Part] = []
        var found = Set<Int>()
        var textStart = 0
        while let marker = SkeletonMarker.next(in: bytes, from: textStart) {
            if textStart < marker.start { parts.append(.text(String(decoding: bytes[textStart..<marker.start], as: UTF8.self))) }
            var end = marker.end
            guard let number = marker.number, bytes[end...].starts(with: close), let slot = slots[number], found.insert(number).inserted
            else { return nil }
            if case .url = slot { return nil }
            end += close.count
            if case .block(endsLine: true) = slot {
                guard end < bytes.count, bytes[end] == UInt8(ascii: "\n") else { return nil }
                end += 1
            }
            parts.append(.piece(number))
            textStart = end
        }
        if textStart < bytes.count { parts.append(.text(String(decoding: bytes[textStart...], as: UTF8.self))) }
        let htmlSlots = slots.filter { if case .url = $0.value { false } else { true } }
        return found.count == htmlSlots.count ? parts : nil
    }
}
