/// Greedy word wrapping by estimated width; words longer than a line are broken, and text
/// beyond `maxLines` ends in an ellipsis, so a label never runs into its neighbour.
enum TextWrap {
    static func lines(_ text: String, width: Double, size: Double, maxLines: Int, bold: Bool = false) -> [String] {
        let words = SVGText.singleLine(text).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return [""] }
        var lines: [String] = []
        var current = ""
        // Lines past `maxLines` are cut anyway: stop there, so a 2 MB label costs one line's work.
        let enough = maxLines > 0 ? maxLines + 1 : Int.max
        for word in words where lines.count < enough {
            let candidate = current.isEmpty ? word : current + " " + word
            if TextMetrics.width(candidate, size: size, bold: bold) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            for piece in breakWord(word, width: width, size: size, bold: bold, limit: enough - lines.count) {
                if !current.isEmpty { lines.append(current) }
                current = piece
            }
        }
        if !current.isEmpty, lines.count < enough { lines.append(current) }
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

    /// `word` cut into pieces that fit `width`, between grapheme clusters (never inside an emoji,
    /// a flag or a letter with its accents); at most `limit` pieces.
    private static func breakWord(_ word: String, width: Double, size: Double, bold: Bool, limit: Int) -> [String] {
        var pieces: [String] = []
        var current = ""
        var used = 0.0
        for character in word {
            let advance = TextMetrics.width(String(character), size: size, bold: bold)
            if !current.isEmpty, used + advance > width, advance > 0 {
                pieces.append(current)
                if pieces.count >= limit { return pieces }
                (current, used) = ("", 0)
            }
            current.append(character)
            used += advance
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// `line` shortened until it fits with `…`, a grapheme cluster at a time.
    private static func ellipsized(_ line: String, width: Double, size: Double, bold: Bool) -> String {
        var characters = Array(line)
        let ellipsis = TextMetrics.width("…", size: size, bold: bold)
        var used = TextMetrics.width(line, size: size, bold: bold)
        while let last = characters.last, used + ellipsis > width {
            used -= TextMetrics.width(String(last), size: size, bold: bold)
            characters.removeLast()
        }
        while characters.last == " " { characters.removeLast() }
        return String(characters) + "…"
    }
}
