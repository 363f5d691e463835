/// Turns heading text into an `id`: lowercase letters and digits joined by `-`.
public enum Slug {
    public static func make(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// Slugs that stay unique within one page: a repeat gets `-2`, `-3`, ….
    public struct Uniquer: Sendable {
        private var used: Set<String> = []

        public init(reserved: Set<String> = []) { used = reserved }

        public mutating func unique(_ text: String) -> String {
            let base = Slug.make(text)
            var candidate = base
            var n = 2
            while used.contains(candidate) {
                candidate = "\(base)-\(n)"
                n += 1
            }
            used.insert(candidate)
            return candidate
        }
    }
}
