import FlyingFox
import FlyingSocks
import Foundation

/// The preview's listening socket and accept loop. Accepting never stops until `stop()`: when it fails, out of file
/// descriptors (EMFILE) or for any other reason, the loop waits a little, longer after each failure in a row, and
/// tries again, so the server recovers once idle connections close.
final class PreviewListener: Sendable {
    private let socket: Socket
    private let pool: any AsyncSocketPool
    private let registry = ConnectionRegistry()
    private let limits: ConnectionLimits

    /// Binds and listens at once, so a taken port is reported before anything runs.
    init(address: some SocketAddress, requestedPort: UInt16, limits: ConnectionLimits) throws(ServeError) {
        self.limits = limits
        let socket: Socket
        do {
            socket = try Socket(domain: Int32(type(of: address).family))
        } catch {
            throw ServeError.cannotListen(error.localizedDescription)
        }
        do {
            try socket.setValue(true, for: .localAddressReuse)
            #if canImport(Darwin)
                try socket.setValue(true, for: .noSIGPIPE)
            #endif
            try socket.bind(to: address)
            try socket.listen()
            try socket.setFlags(.nonBlocking)
        } catch {
            try? socket.close()
            if case .failed(_, let code, _) = error as? SocketError, code == EADDRINUSE { throw ServeError.portInUse(requestedPort) }
            throw ServeError.cannotListen(error.localizedDescription)
        }
        self.socket = socket
        pool = HTTPServer.defaultPool()
    }

    /// The port actually bound.
    var port: UInt16? {
        switch try? socket.sockname() {
        case .ip4(_, let port), .ip6(_, let port): port
        default: nil
        }
    }

    /// Open connections, for tests.
    var connections: Int { registry.count }

    /// Readies the event pool `run` waits on.
    func prepare() async throws(ServeError) {
        do {
            try await pool.prepare()
        } catch {
            try? socket.close()
            throw ServeError.cannotListen(error.localizedDescription)
        }
    }

    /// After `prepare()`, serves connections with `handler` until cancelled, then closes the listening socket and
    /// every connection.
    func run(_ handler: some HTTPHandler) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [pool] in try? await pool.run() }
            group.addTask { await self.cancelIdleConnections() }
            group.addTask { await self.acceptConnections(handler) }
            await group.next()
            group.cancelAll()
        }
        registry.stop()
        try? socket.close()
    }

    private func acceptConnections(_ handler: some HTTPHandler) async {
        var backoff = Backoff()
        while !Task.isCancelled {
            do {
                let file = try socket.accept().file
                backoff.reset()
                serve(Socket(file: file), handler)
            } catch SocketError.blocked {
                do {
                    try await pool.suspendSocket(socket, untilReadyFor: .connection)
                } catch {
                    await backoff.wait()
                }
            } catch {
                await backoff.wait()
            }
        }
    }

    private func serve(_ accepted: Socket, _ handler: some HTTPHandler) {
        #if canImport(Darwin)
            try? accepted.setValue(true, for: .noSIGPIPE)
        #endif
        guard let connection = try? AsyncSocket(socket: accepted, pool: pool) else {
            try? accepted.close()
            return
        }
        let opened = registry.open { [limits, registry] id in
            await PreviewConnection(socket: connection, handler: handler, limits: limits, registry: registry, id: id).run()
        }
        if !opened { try? accepted.close() }
    }

    /// Checks deadlines a few times per timeout.
    private func cancelIdleConnections() async {
        let interval = min(max(limits.idleTimeout / 5, .milliseconds(20)), .milliseconds(250))
        while (try? await Task.sleep(for: interval)) != nil {
            registry.cancelOverdue()
        }
    }
}

/// Waits after failures in a row: 10 ms, then twice as long each time, up to half a second.
private struct Backoff {
    private var delay = Duration.milliseconds(10)

    mutating func reset() {
        delay = .milliseconds(10)
    }

    mutating func wait() async {
        try? await Task.sleep(for: delay)
        delay = min(delay * 2, .milliseconds(500))
    }
}
