import FlyingFox

/// A request's method, target and headers as a client sent them, read within `ConnectionLimits`.
struct RequestHead: Equatable {
    var method: String
    /// As sent, percent-encoded: `/charts/?v=1`.
    var target: String
    var version: HTTPVersion
    var headers: HTTPHeaders
    var contentLength: Int
    /// Whether the connection may carry another request after this one (RFC 9112 §9.3).
    var keepsAlive: Bool
    /// Bytes the head took, up to and including the blank line that ends it.
    var length: Int

    /// What the bytes received so far amount to.
    enum Parse: Equatable {
        /// No blank line yet, and still within the limits.
        case incomplete
        case complete(RequestHead)
        /// Answered with this status, then the connection is closed.
        case refused(HTTPStatusCode)
    }

    /// Whether `parse` could now give other than `.incomplete`, judged by the bytes after the first `searched`
    /// (which were judged before): a blank line among them, or a limit just passed. Calling `parse` only then keeps
    /// reading a head linear however finely the client splits it.
    static func isWorthParsing(_ bytes: [UInt8], searched: Int, limits: ConnectionLimits) -> Bool {
        if bytes.count > limits.head || (searched <= limits.requestLine && bytes.count > limits.requestLine) { return true }
        for index in max(searched, 1)..<max(bytes.count, 1) where bytes[index] == .lf {
            if bytes[index - 1] == .lf || (index >= 2 && bytes[index - 1] == .cr && bytes[index - 2] == .lf) { return true }
        }
        return false
    }

    /// Parses the head at the start of `bytes`; linear in what it looks at, which the limits bound.
    static func parse(_ bytes: [UInt8], limits: ConnectionLimits) -> Parse {
        var start = 0
        // RFC 9112 §2.2: an empty line or two before the request line are ignored; more make the line malformed.
        while start < min(bytes.count, 4), bytes[start] == .cr || bytes[start] == .lf { start += 1 }
        guard let lineEnd = bytes[start...].firstIndex(of: .lf) else {
            return bytes.count > limits.requestLine ? .refused(.uriTooLong) : .incomplete
        }
        let requestLine = trimmingCR(bytes[start..<lineEnd])
        guard requestLine.count <= limits.requestLine else { return .refused(.uriTooLong) }
        var fieldLines: [ArraySlice<UInt8>] = []
        var next = lineEnd + 1
        while true {
            guard let end = bytes[next...].prefix(max(limits.head + 1 - next, 0)).firstIndex(of: .lf) else {
                return bytes.count > limits.head ? .refused(.requestHeaderFieldsTooLarge) : .incomplete
            }
            let line = trimmingCR(bytes[next..<end])
            next = end + 1
            if line.isEmpty { break }
            fieldLines.append(line)
        }
        guard next <= limits.head else { return .refused(.requestHeaderFieldsTooLarge) }
        return make(requestLine: requestLine, fieldLines: fieldLines, length: next, limits: limits)
    }

    private static func make(
        requestLine: ArraySlice<UInt8>, fieldLines: [ArraySlice<UInt8>], length: Int, limits: ConnectionLimits
    )
        -> Parse
    {
        let parts = requestLine.split(separator: .space, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }), parts[1].allSatisfy(isVisibleASCII) else {
            return .refused(.badRequest)
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            return .refused(version.hasPrefix("HTTP/") ? .httpVersionNotSupported : .badRequest)
        }
        var headers = HTTPHeaders()
        for line in fieldLines {
            guard let (name, value) = field(line) else { return .refused(.badRequest) }
            headers.addValue(value, for: HTTPHeader(name))
        }
        // A body without a length cannot be told from the next request.
        guard headers.values(for: .transferEncoding).isEmpty else { return .refused(.lengthRequired) }
        let lengths = Set(headers.values(for: .contentLength).flatMap { $0.split(separator: ",") }.map { $0.trimmed })
        guard lengths.count <= 1, lengths.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            return .refused(.badRequest)
        }
        let contentLength = lengths.first.map { $0.count > 18 ? Int.max : Int($0) ?? Int.max } ?? 0
        guard contentLength <= limits.body else { return .refused(.payloadTooLarge) }
        let tokens = headers.values(for: .connection).flatMap { $0.lowercased().split(separator: ",") }.map { $0.trimmed }
        let keepsAlive = version == "HTTP/1.1" ? !tokens.contains("close") : tokens.contains("keep-alive")
        return .complete(
            RequestHead(
                method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
                version: HTTPVersion(version), headers: headers, contentLength: contentLength, keepsAlive: keepsAlive, length: length))
    }

    /// `Name: value`; nil for a line without a colon, a name with spaces (RFC 9112 §5.1) or a folded line (§5.2).
    private static func field(_ line: ArraySlice<UInt8>) -> (String, String)? {
        guard let colon = line.firstIndex(of: .colon), colon > line.startIndex else { return nil }
        let name = line[..<colon]
        guard name.allSatisfy(isVisibleASCII) else { return nil }
        let value = String(decoding: line[(colon + 1)...], as: UTF8.self)
        return (String(decoding: name, as: UTF8.self), value.trimmed)
    }

    private static func trimmingCR(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.last == .cr ? line.dropLast() : line
    }

    private static func isVisibleASCII(_ byte: UInt8) -> Bool {
        (0x21...0x7E).contains(byte)
    }
}

extension UInt8 {
    fileprivate static let cr = UInt8(ascii: "\r")
    fileprivate static let lf = UInt8(ascii: "\n")
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let colon = UInt8(ascii: ":")
}

extension StringProtocol {
    /// Without the spaces and tabs around it.
    fileprivate var trimmed: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
