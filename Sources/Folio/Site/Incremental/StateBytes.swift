import Foundation

/// The state file's encoding: integers as LEB128 varints (zig-zag for signed ones), texts as a length
/// then UTF-8, collections as a count then their items. One pass each way: for 100,000 pages it
/// reads and writes in a tenth of the time `JSONDecoder` and `JSONEncoder` took.
struct StateByteWriter {
    private(set) var bytes: [UInt8] = []
    /// When set, the bytes go to this file a megabyte at a time instead of piling up.
    private let file: Int32?
    private(set) var failure: (any Error)?

    init(streamingTo file: Int32? = nil) { self.file = file }

    /// Writes what is held to the file, when there is one and the bytes make up a megabyte (or `always`).
    mutating func flush(always: Bool = false) {
        guard let file, failure == nil, always || bytes.count >= 1 << 20 else { return }
        do {
            try PlainFile.write(bytes, toDescriptor: file)
        } catch {
            failure = error
        }
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func count(_ value: Int) { varint(UInt64(max(0, value))) }

    mutating func append(_ literal: [UInt8]) { bytes.append(contentsOf: literal) }

    mutating func integer(_ value: Int) {
        varint((UInt64(bitPattern: Int64(value)) << 1) ^ UInt64(bitPattern: Int64(value) >> 63))
    }

    private mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optionalText(_ value: String?) {
        flag(value != nil)
        if let value { text(value) }
    }

    mutating func flag(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func texts(_ values: [String]) {
        count(values.count)
        for value in values { text(value) }
    }

    mutating func integers(_ values: [Int]) {
        count(values.count)
        for value in values { integer(value) }
    }

    mutating func table(_ rows: [[String]]) {
        count(rows.count)
        for row in rows { texts(row) }
    }

    /// A dictionary's entries sorted by key, so the same state always gives the same bytes.
    mutating func map<Value>(_ values: [String: Value], _ write: (inout StateByteWriter, Value) -> Void) {
        count(values.count)
        for key in values.keys.sorted() {
            text(key)
            if let value = values[key] { write(&self, value) }
            flush()
        }
    }

    mutating func textMap(_ values: [String: String]) { map(values) { $0.text($1) } }

    /// The same bytes as `map`, each `batch` of entries encoded in parts on several threads: the
    /// pages of a large site, whose records are most of the state file.
    mutating func parallelMap<Value: Sendable>(
        _ values: [String: Value], batch: Int = 4096, _ write: @escaping @Sendable (inout StateByteWriter, Value) -> Void
    ) {
        count(values.count)
        let keys = values.keys.sorted()
        let parts = max(1, ProcessInfo.processInfo.activeProcessorCount)
        for start in stride(from: 0, to: keys.count, by: batch) {
            let end = min(start + batch, keys.count)
            let encoded = ParallelWork.map(start..<end, by: (end - start + parts - 1) / parts, jobs: parts) { range in
                var part = StateByteWriter()
                for key in keys[range] {
                    part.text(key)
                    if let value = values[key] { write(&part, value) }
                }
                return part.bytes
            }
            for part in encoded { bytes.append(contentsOf: part) }
            flush()
        }
    }

    /// Bytes written elsewhere, with their length.
    mutating func blob(_ value: [UInt8]) {
        count(value.count)
        bytes.append(contentsOf: value)
    }
}

/// Reads what `StateByteWriter` wrote; any truncated or malformed part throws `Malformed`. It reads
/// through a pointer the caller keeps valid, so a read costs no reference counting.
struct StateByteReader {
    struct Malformed: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }

    /// The size of a collection or text that follows, which cannot exceed what is left of the file.
    mutating func count() throws(Malformed) -> Int {
        let value = try varint()
        guard value <= UInt64(bytes.count - offset) else { throw Malformed() }
        return Int(value)
    }

    mutating func integer() throws(Malformed) -> Int {
        let zigzag = try varint()
        return Int(Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))))
    }

    mutating func text() throws(Malformed) -> String {
        let length = try count()
        guard length <= bytes.count - offset else { throw Malformed() }
        let start = offset
        offset += length
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<start + length]), as: UTF8.self)
    }

    mutating func optionalText() throws(Malformed) -> String? {
        try flag() ? try text() : nil
    }

    mutating func flag() throws(Malformed) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Malformed() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func texts() throws(Malformed) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try text()) }
        return values
    }

    mutating func integers() throws(Malformed) -> [Int] {
        let count = try count()
        var values: [Int] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try integer()) }
        return values
    }

    mutating func table() throws(Malformed) -> [[String]] {
        let count = try count()
        var rows: [[String]] = []
        rows.reserveCapacity(count)
        for _ in 0..<count { rows.append(try texts()) }
        return rows
    }

    mutating func map<Value>(_ read: (inout StateByteReader) throws(Malformed) -> Value) throws(Malformed) -> [String: Value] {
        let count = try count()
        var values: [String: Value] = [:]
        values.reserveCapacity(count)
        for _ in 0..<count {
            let key = try text()
            values[key] = try read(&self)
        }
        return values
    }

    /// What `StateByteWriter.blob` wrote, copied out.
    mutating func blob() throws(Malformed) -> [UInt8] {
        let count = try count()
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func textMap() throws(Malformed) -> [String: String] {
        try map { reader throws(Malformed) in try reader.text() }
    }

    mutating func expect(_ literal: [UInt8]) throws(Malformed) {
        guard bytes.count - offset >= literal.count, bytes[offset..<offset + literal.count].elementsEqual(literal) else {
            throw Malformed()
        }
        offset += literal.count
    }

    private mutating func varint() throws(Malformed) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }
}
