import FolioCore
import FuzzSupport

/// The escapers: no raw markup characters survive, XML output holds only characters XML allows,
/// and unescaping gives back the input (with forbidden characters as U+FFFD).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEscape(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: FuzzInput.bytes(data, size), as: UTF8.self)
    let html = Escape.html(text)
    let xml = Escape.xml(text)
    let substring = text.dropFirst(text.isEmpty ? 0 : 1)
    require(Escape.html(substring) == Escape.html(String(substring)), "Substring and String escape differently")
    for (name, output) in [("html", html), ("xml", xml)] {
        for scalar in output.unicodeScalars {
            require(!"<>\"'".unicodeScalars.contains(scalar), "\(name) output has a raw \(scalar.debugDescription)")
            require(
                !(scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") && !(0x7F...0x9F).contains(scalar.value),
                "\(name) output has the control character U+\(String(scalar.value, radix: 16))")
        }
        require(checkAmpersands(output), "\(name) output has a bare '&'")
    }
    require(xml.unicodeScalars.allSatisfy(Escape.isXMLAllowed), "xml output has a character XML forbids")
    let replaced = text.unicodeScalars.map { isHTMLForbidden($0) || !Escape.isXMLAllowed($0) ? "\u{FFFD}" : $0 }
    let expected = String(String.UnicodeScalarView(replaced))
    require(unescape(xml) == expected, "xml escaping does not round-trip")
    return 0
}

/// The five entities the escaper writes, compared scalar by scalar (`&amp;` may be followed by a combining mark).
private let entities: [(String, Unicode.Scalar)] = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")]

/// Every `&` starts one of the five entities.
private func checkAmpersands(_ output: String) -> Bool {
    let scalars = Array(output.unicodeScalars)
    for index in scalars.indices where scalars[index] == "&" {
        guard entities.contains(where: { scalars[index...].starts(with: $0.0.unicodeScalars) }) else { return false }
    }
    return true
}

private func isHTMLForbidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0...0x8, 0xB, 0xC, 0xE...0x1F, 0x7F...0x9F: true
    default: false
    }
}

private func unescape(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    var index = 0
    outer: while index < scalars.count {
        if scalars[index] == "&" {
            for (entity, scalar) in entities where scalars[index...].starts(with: entity.unicodeScalars) {
                out.append(scalar)
                index += entity.unicodeScalars.count
                continue outer
            }
        }
        out.append(scalars[index])
        index += 1
    }
    return String(out)
}
