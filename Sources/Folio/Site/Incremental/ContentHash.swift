import Crypto

/// SHA-256 content hashes, as lowercase hex, for recording what each output was made from.
enum ContentHash {
    static func of(_ bytes: some Sequence<UInt8>) -> String {
        of(Array(bytes))
    }

    /// The same, hashing the array where it is.
    static func of(_ bytes: [UInt8]) -> String {
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hex(hasher.finalize())
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

    /// `combine`, fed one part at a time: the same hash without the parts in one array. Parts are
    /// gathered and hashed a few kilobytes at a time (one hash update per small part costs more than the hashing).
    struct Combining {
        private var hasher = SHA256()
        private var pending: [UInt8] = []

        mutating func add(_ part: String) {
            var part = part
            if pending.capacity == 0 { pending.reserveCapacity(1024) }
            var count = part.utf8.count
            // The length in decimal, then `:`, then the part.
            let start = pending.count
            repeat {
                pending.append(UInt8(ascii: "0") + UInt8(count % 10))
                count /= 10
            } while count > 0
            pending[start...].reverse()
            pending.append(0x3A)
            part.withUTF8 { pending.append(contentsOf: $0) }
            if pending.count >= 4096 { flush() }
        }

        private mutating func flush() {
            pending.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            pending.removeAll(keepingCapacity: true)
        }

        func finish() -> String { ContentHash.hex(finished()) }

        /// The hash's 32 bytes, for sums over many (`OutputSum`).
        func finishBytes() -> [UInt8] { Array(finished()) }

        private func finished() -> SHA256.Digest {
            var hasher = hasher
            pending.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            return hasher.finalize()
        }
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
        func digit(_ value: UInt8) -> UInt8 { value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10 }
        return String(unsafeUninitializedCapacity: SHA256.byteCount * 2) { out in
            var index = 0
            for byte in digest {
                out[index] = digit(byte >> 4)
                out[index + 1] = digit(byte & 0x0F)
                index += 2
            }
            return index
        }
    }
}
