import FlyingFox
import FlyingSocks
import Foundation

/// Where the preview listens: loopback unless the user named another address.
public struct ServeAddress: Sendable, Equatable {
    public static let loopback = "127.0.0.1"

    /// An IPv4 or IPv6 literal.
    public let host: String
    /// 0 asks the system for a free port.
    public let port: UInt16

    /// `hostIsExplicit` is whether the user typed the host (`--host`); only then may it be other than loopback.
    public init(host: String = loopback, port: UInt16, hostIsExplicit: Bool = false) throws(ServeError) {
        let literal = host == "localhost" ? Self.loopback : host
        guard Self.isIPv4(literal) || Self.isIPv6(literal) else { throw ServeError.badHost(host) }
        guard hostIsExplicit || Self.isLoopback(literal) else { throw ServeError.notLoopback(host) }
        self.host = literal
        self.port = port
    }

    public var isLoopback: Bool { Self.isLoopback(host) }

    static func isLoopback(_ host: String) -> Bool {
        host == "::1" || (isIPv4(host) && host.hasPrefix("127."))
    }

    private static func isIPv4(_ host: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, host, &address) == 1
    }

    private static func isIPv6(_ host: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET6, host, &address) == 1
    }

    func socketAddress() throws -> any SocketAddress {
        Self.isIPv4(host) ? try sockaddr_in.inet(ip4: host, port: port) : try sockaddr_in6.inet6(ip6: host, port: port)
    }

    /// `http://127.0.0.1:8000/`, with the port actually bound.
    func url(port bound: UInt16) -> String {
        Self.isIPv6(host) ? "http://[\(host)]:\(bound)/" : "http://\(host):\(bound)/"
    }
}

/// Why the preview server could not start.
public enum ServeError: Error, Equatable, CustomStringConvertible {
    case badHost(String)
    case notLoopback(String)
    case cannotListen(String)
    case portInUse(UInt16)

    public var description: String {
        switch self {
        case .badHost(let host): "--host \(host): expected an IP address such as 127.0.0.1 or ::1, or localhost"
        case .notLoopback(let host): "\(host) is not a loopback address; pass --host \(host) to serve the preview beyond this machine"
        case .cannotListen(let reason): "cannot start the preview server: \(reason)"
        case .portInUse(let port):
            "cannot start the preview server: port \(port) is already in use; expected a free port (pass --port \(port == UInt16.max ? 8000 : port + 1), "
                + "or --port 0 for any free one)"
        }
    }
}
