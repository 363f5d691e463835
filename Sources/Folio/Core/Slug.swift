/// Turns heading text into an `id`: lowercase letters and digits joined by `-`.
public enum Slug {
    public static func make(_ text: String) -> String {
        if let ascii = asciiSlug(text) { return ascii }
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if isWord(character) {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// The same for text that is all ASCII, byte by byte (most headings); nil for any other text.
    private static func asciiSlug(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var pendingDash = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                if pendingDash, !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingDash = false
                bytes.append(lower)
            } else {
                pendingDash = true
            }
        }
        return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
    }

    /// A letter or digit with nothing else riding in it: a prepended mark (U+0D4E) joins the next
    /// character into one, even `<` or a space, and the character still counts as a letter.
    private static func isWord(_ character: Character) -> Bool {
        guard character.isLetter || character.isNumber else { return false }
        return character.unicodeScalars.allSatisfy { scalar in
            !scalar.properties.isWhitespace && (!scalar.isASCII || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
        }
    }

    /// Slugs that stay unique within one page: a repeat gets `-2`, `-3`, ….
    public struct Uniquer: Sendable {
        private var used: Set<String> = []
        /// Per slug, the next suffix to try: 20,000 identical headings cost 20,000 steps, not 200 million.
        private var next: [String: Int] = [:]

        public init(reserved: Set<String> = []) { used = reserved }

        public mutating func unique(_ text: String) -> String {
            let base = Slug.make(text)
            var candidate = base
            var n = next[base] ?? 2
            while used.contains(candidate) {
                candidate = "\(base)-\(n)"
                n += 1
            }
            next[base] = n
            used.insert(candidate)
            return candidate
        }
    }
}
