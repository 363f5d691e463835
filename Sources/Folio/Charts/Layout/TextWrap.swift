/// Greedy word wrapping by estimated width; words longer than a line are broken, and text
/// beyond `maxLines` ends in an ellipsis, so a label never runs into its neighbour.
enum TextWrap {
    static func lines(_ text: String, width: Double, size: Double, maxLines: Int, bold: Bool = false) -> [String] {
        let words = SVGText.singleLine(text).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return [""] }
        var lines: [String] = []
        var current = ""
        for word in words {
            let candidate = current.isEmpty ? word : current + " " + word
            if TextMetrics.width(candidate, size: size, bold: bold) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            for piece in breakWord(word, width: width, size: size, bold: bold) {
                if !current.isEmpty { lines.append(current) }
                current = piece
            }
        }
        if !current.isEmpty { lines.append(current) }
        guard lines.count > maxLines, maxLines > 0 else { return lines }
        var kept = Array(lines.prefix(maxLines))
        kept[maxLines - 1] = ellipsized(kept[maxLines - 1], width: width, size: size, bold: bold)
        return kept
    }

    /// Whether `text` fits in `maxLines` lines of `width` without breaking a word or an ellipsis.
    static func fits(_ text: String, width: Double, size: Double, maxLines: Int) -> Bool {
        let words = SVGText.singleLine(text).split(separator: " ")
        guard words.allSatisfy({ TextMetrics.width(String($0), size: size) <= width }) else { return false }
        return lines(text, width: width, size: size, maxLines: maxLines + 1).count <= maxLines
    }

    /// The widest line.
    static func width(_ lines: [String], size: Double, bold: Bool = false) -> Double {
        lines.map { TextMetrics.width($0, size: size, bold: bold) }.max() ?? 0
    }

    private static func breakWord(_ word: String, width: Double, size: Double, bold: Bool) -> [String] {
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            var next = current
            next.append(scalar)
            if !current.isEmpty, TextMetrics.width(String(next), size: size, bold: bold) > width,
                TextMetrics.advance(scalar) > 0
            {
                pieces.append(String(current))
                current = String.UnicodeScalarView([scalar])
            } else {
                current = next
            }
        }
        if !current.isEmpty { pieces.append(String(current)) }
        return pieces
    }

    private static func ellipsized(_ line: String, width: Double, size: Double, bold: Bool) -> String {
        var scalars = Array(line.unicodeScalars)
        while !scalars.isEmpty,
            TextMetrics.width(String(String.UnicodeScalarView(scalars)) + "…", size: size, bold: bold) > width
        {
            scalars.removeLast()
        }
        while scalars.last == " " { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars)) + "…"
    }
}
