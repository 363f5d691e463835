/// Estimates text width from character counts (Helvetica/Arial advance widths), so the layout
/// can size margins and wrap labels without a font engine. Errs on the wide side.
enum TextMetrics {
    /// Safety margin for fonts wider than Arial (Segoe UI, Roboto, DejaVu).
    static let slack = 1.08

    /// The width of `text` at `size` in SVG units.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            ems += advance(scalar)
        }
        return ems * size * slack * (bold ? 1.06 : 1)
    }

    /// Advance width of one scalar in ems.
    static func advance(_ scalar: Unicode.Scalar) -> Double {
        let value = scalar.value
        switch value {
        case 0x300...0x36F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6: return 1
        case 0x1F300...0x1FAFF: return 1.1
        default: break
        }
        guard value < 0x80 else {
            switch scalar {
            case "\u{2212}", "\u{2013}", "×": return 0.584
            case "\u{2014}": return 1
            case "…": return 1
            default: return 0.6
            }
        }
        let character = Character(scalar)
        if character.isNumber { return 0.556 }
        if let width = widths[character] { return width }
        if character.isUppercase { return 0.667 }
        if character.isLowercase { return 0.5 }
        return 0.4
    }

    private static let widths: [Character: Double] = [
        " ": 0.278, ".": 0.278, ",": 0.278, ":": 0.278, ";": 0.278, "!": 0.278, "'": 0.191, "\"": 0.355,
        "$": 0.556, "%": 0.889, "-": 0.333, "+": 0.584, "(": 0.333, ")": 0.333, "/": 0.278, "&": 0.667,
        "<": 0.584, ">": 0.584, "=": 0.584, "_": 0.556, "?": 0.556, "@": 1.015, "#": 0.556, "*": 0.389,
        "i": 0.222, "j": 0.222, "l": 0.222, "f": 0.278, "t": 0.278, "r": 0.333, "m": 0.833, "w": 0.722,
        "c": 0.5, "k": 0.5, "s": 0.5, "v": 0.5, "x": 0.5, "y": 0.5, "z": 0.5,
        "I": 0.278, "J": 0.5, "L": 0.556, "F": 0.611, "T": 0.611, "Z": 0.611, "M": 0.833, "W": 0.944,
        "C": 0.722, "D": 0.722, "H": 0.722, "N": 0.722, "R": 0.722, "U": 0.722, "G": 0.778, "O": 0.778,
        "Q": 0.778,
    ]
}
