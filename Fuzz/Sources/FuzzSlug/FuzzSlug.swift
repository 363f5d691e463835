import FolioCore
import FuzzSupport

/// The slugger: ids are lowercase letters and digits joined by single dashes, unique within a page.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSlug(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: FuzzInput.bytes(data, size), as: UTF8.self)
    let headings = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for heading in headings.prefix(64) { checkSlug(Slug.make(heading), of: heading) }
    var uniquer = Slug.Uniquer(reserved: ["section", "fig-1"])
    var seen: Set<String> = ["section", "fig-1"]
    for heading in headings.prefix(64) {
        let id = uniquer.unique(heading)
        require(seen.insert(id).inserted, "the id '\(id)' was given twice")
        require(id.unicodeScalars.starts(with: Slug.make(heading).unicodeScalars), "the id '\(id)' does not start with its slug")
    }
    return 0
}

private func checkSlug(_ slug: String, of text: String) {
    let scalars = Array(slug.unicodeScalars)
    require(!scalars.isEmpty, "an empty slug for \(text.debugDescription)")
    require(scalars.first != "-" && scalars.last != "-", "slug \(slug.debugDescription) starts or ends with '-'")
    for (index, scalar) in scalars.enumerated() {
        require(!(scalar == "-" && index > 0 && scalars[index - 1] == "-"), "slug \(slug.debugDescription) has '--'")
        require(!scalar.properties.isWhitespace, "slug \(slug.debugDescription) has whitespace")
        require(
            !scalar.isASCII || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-",
            "slug \(slug.debugDescription) of \(text.debugDescription) has the ASCII character \(scalar.debugDescription)")
    }
}
