import FlyingFox
import FlyingSocks
import Foundation

/// `folio serve`'s HTTP side: serves the output folder with FlyingFox and tells open pages when to reload.
public final class PreviewServer: Sendable {
    public let address: ServeAddress
    public let channel: ReloadChannel
    private let server: HTTPServer
    private let runResult = RunResult()

    public init(output: URL, address: ServeAddress, channel: ReloadChannel = ReloadChannel()) throws(ServeError) {
        self.address = address
        self.channel = channel
        let socketAddress: any SocketAddress
        do {
            socketAddress = try address.socketAddress()
        } catch {
            throw ServeError.badHost(address.host)
        }
        let responder = PreviewResponder(site: SiteFolder(root: output), channel: channel)
        // The handler timeout must outlast a live-reload poll.
        server = HTTPServer(address: socketAddress, timeout: 60, logger: .disabled, handler: responder)
    }

    /// Starts listening and returns the address to open, such as `http://127.0.0.1:8000/`.
    public func start(timeout: Duration = .seconds(10)) async throws(ServeError) -> String {
        let server = self.server
        let result = runResult
        Task {
            do {
                try await server.run()
                result.finish(nil)
            } catch {
                result.finish(error)
            }
        }
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let port = await Self.port(of: server.listeningAddress) { return address.url(port: port) }
            if let ended = result.ended {
                let reason = ended.map { "\($0)" } ?? "the server stopped"
                // FlyingFox reports the failed bind with the system's words and errno (EADDRINUSE).
                if reason.contains("Address already in use") || reason.contains("errno: \(EADDRINUSE)") {
                    throw ServeError.portInUse(address.port)
                }
                throw ServeError.cannotListen(reason)
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        throw ServeError.cannotListen("not listening after \(timeout)")
    }

    /// Blocking `start` for a synchronous caller such as the command line.
    public func startAndWait(timeout: Duration = .seconds(10)) throws(ServeError) -> String {
        let outcome = Outcome<Result<String, ServeError>>()
        let semaphore = DispatchSemaphore(value: 0)
        Task {
            do throws(ServeError) {
                outcome.set(.success(try await start(timeout: timeout)))
            } catch {
                outcome.set(.failure(error))
            }
            semaphore.signal()
        }
        semaphore.wait()
        return try (outcome.value ?? .failure(.cannotListen("no answer"))).get()
    }

    /// Open pages reload after a build that replaced the site. Called from the watch loop's
    /// thread: it reads the outcome there and hands only the news on to the channel, so no build
    /// result crosses into a task.
    public func siteRebuilt(_ outcome: BuildOutcome) {
        guard case .built(_, _, outputReplaced: true) = outcome else { return }
        let channel = channel
        Task { await channel.publish() }
    }

    public func stop() async {
        await server.stop(timeout: 1)
    }

    private static func port(of address: Socket.Address?) -> UInt16? {
        switch address {
        case .ip4(_, let port), .ip6(_, let port): port
        default: nil
        }
    }
}

/// How the server's run task ended: nil while it runs, then the error (or nil for a clean stop).
private final class RunResult: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (any Error)??

    var ended: (any Error)?? { lock.withLock { value } }

    func finish(_ error: (any Error)?) {
        lock.withLock { value = .some(error) }
    }
}

/// A value handed from a task to a waiting thread.
final class Outcome<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    var value: Value? { lock.withLock { stored } }

    func set(_ value: Value) {
        lock.withLock { stored = value }
    }
}
