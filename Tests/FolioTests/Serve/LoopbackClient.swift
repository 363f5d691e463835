import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A raw TCP client on 127.0.0.1 for tests that need exact bytes or idle connections. Every call returns within
/// its timeout: sends and receives time out (SO_SNDTIMEO, SO_RCVTIMEO), and reading stops at a deadline.
final class LoopbackClient {
    struct Failure: Error {
        var call: String
        var code: Int32 = errno
    }

    /// What came back before the server closed the connection or the deadline passed.
    struct Reply {
        var bytes: [UInt8]
        /// The server closed its side (or reset the connection) before the deadline.
        var closed: Bool
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    private(set) var descriptor: Int32

    init(port: UInt16, timeout: Duration = .seconds(5)) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(call: "socket") }
        var limit = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let failure = Failure(call: "connect")
            close()
            throw failure
        }
    }

    deinit {
        close()
    }

    func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(call: "send") }
            sent += count
        }
    }

    /// Reads until the server closes the connection or `deadline` passes, trying at least once.
    func receive(until deadline: ContinuousClock.Instant) -> Reply {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        repeat {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count == 0 || (count < 0 && errno == ECONNRESET) { return Reply(bytes: bytes, closed: true) }
            if count > 0 { bytes += buffer[..<count] }
        } while ContinuousClock.now < deadline
        return Reply(bytes: bytes, closed: false)
    }

    /// One request on a fresh connection, and what came back within `timeout`.
    static func exchange(_ request: String, port: UInt16, timeout: Duration = .seconds(10)) throws -> Reply {
        let client = try LoopbackClient(port: port, timeout: .seconds(1))
        try client.send(request)
        return client.receive(until: .now + timeout)
    }

    /// A GET that asks the server to close the connection after answering.
    static func get(_ target: String = "/") -> String {
        "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    }
}
