/// An order-free hash of a site's files (each file's path and content hash): the sum, in four
/// 64-bit lanes, of each file's SHA-256. Adding or removing a file costs one hash, so a build id
/// follows a small change without a pass over 100,000 files, and without sorting them.
struct OutputSum: Equatable {
    private var lanes: [UInt64] = [0, 0, 0, 0]

    init() {}

    /// The sum over every file of `outputs` (path → hash).
    init(_ outputs: [String: String]) {
        for (path, hash) in outputs { add(path: path, hash: hash) }
    }

    /// The sum written as `hex`; nil when it is not 64 hex digits.
    init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        for lane in 0..<4 {
            var value: UInt64 = 0
            for digit in digits[(lane * 16)..<(lane * 16 + 16)] {
                guard let nibble = Self.nibble(digit) else { return nil }
                value = value << 4 | UInt64(nibble)
            }
            lanes[lane] = value
        }
    }

    mutating func add(path: String, hash: String) {
        let parts = Self.parts(path: path, hash: hash)
        for lane in 0..<4 { lanes[lane] &+= parts[lane] }
    }

    /// Adds the files another sum holds: sums of parts add up to the sum of the whole.
    mutating func add(_ other: OutputSum) {
        for lane in 0..<4 { lanes[lane] &+= other.lanes[lane] }
    }

    mutating func remove(path: String, hash: String) {
        let parts = Self.parts(path: path, hash: hash)
        for lane in 0..<4 { lanes[lane] &-= parts[lane] }
    }

    /// The sum as 64 lowercase hex digits.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for lane in lanes {
            for shift in stride(from: 60, through: 0, by: -4) { out.append(digits[Int((lane >> UInt64(shift)) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One file's SHA-256 (`ContentHash.Combining` of its path and hash) as four lanes.
    private static func parts(path: String, hash: String) -> [UInt64] {
        var combined = ContentHash.Combining()
        combined.add(path)
        combined.add(hash)
        let bytes = combined.finishBytes()
        return (0..<4).map { lane in bytes[(lane * 8)..<(lane * 8 + 8)].reduce(0) { $0 << 8 | UInt64($1) } }
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
