import Crypto

/// SHA-256 content hashes, as lowercase hex, for recording what each output was made from.
enum ContentHash {
    static func of(_ bytes: some Sequence<UInt8>) -> String {
        hex(SHA256.hash(data: Array(bytes)))
    }

    static func of(_ text: String) -> String { of(Array(text.utf8)) }

    /// The hash of a file's bytes, read a megabyte at a time; the same as `of` its bytes.
    static func ofFile(_ path: String) throws -> String {
        var hasher = SHA256()
        try PlainFile.read(path) { hasher.update(bufferPointer: $0) }
        return hex(hasher.finalize())
    }

    /// One hash for several labelled parts, unambiguous whatever the parts contain.
    static func combine(_ parts: [String]) -> String {
        var combined = Combining()
        for part in parts { combined.add(part) }
        return combined.finish()
    }

    /// `combine`, fed one part at a time: the same hash without the parts in one array.
    struct Combining {
        private var hasher = SHA256()

        mutating func add(_ part: String) {
            var part = part
            hasher.update(data: Array(String(part.utf8.count).utf8) + [0x3A])
            part.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }

        func finish() -> String { ContentHash.hex(hasher.finalize()) }

        /// The hash's 32 bytes, for sums over many (`OutputSum`).
        func finishBytes() -> [UInt8] { Array(hasher.finalize()) }
    }

    /// A hash fed part by part, without building the parts first: each text is length-prefixed,
    /// so the parts stay unambiguous.
    struct Running {
        private var hasher = SHA256()

        mutating func add(_ text: String) {
            var text = text
            add([text.utf8.count])
            text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }

        mutating func add(_ numbers: [Int]) {
            numbers.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        }

        func finish() -> String { ContentHash.hex(hasher.finalize()) }
    }

    fileprivate static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
