import FlyingFox
import FlyingSocks
import Foundation

/// `folio serve`'s HTTP side: serves the output folder and tells open pages when to reload, holding every client to
/// `ConnectionLimits`.
public final class PreviewServer: Sendable {
    public let address: ServeAddress
    public let channel: ReloadChannel
    public let limits: ConnectionLimits
    private let socketAddress: any SocketAddress
    private let responder: PreviewResponder
    private let running = Running()

    public init(
        output: URL, address: ServeAddress, channel: ReloadChannel = ReloadChannel(), limits: ConnectionLimits = .preview
    )
        throws(ServeError)
    {
        self.address = address
        self.channel = channel
        self.limits = limits
        do {
            socketAddress = try address.socketAddress()
        } catch {
            throw ServeError.badHost(address.host)
        }
        responder = PreviewResponder(site: SiteFolder(root: output), channel: channel)
    }

    /// Starts listening and returns the address to open, such as `http://127.0.0.1:8000/`.
    public func start() async throws(ServeError) -> String {
        let listener = try PreviewListener(address: socketAddress, requestedPort: address.port, limits: limits)
        guard let port = listener.port else { throw ServeError.cannotListen("no port bound") }
        try await listener.prepare()
        let responder = self.responder
        running.set(listener, Task { await listener.run(responder) })
        return address.url(port: port)
    }

    /// Blocking `start` for a synchronous caller such as the command line.
    public func startAndWait() throws(ServeError) -> String {
        let outcome = Outcome<Result<String, ServeError>>()
        let semaphore = DispatchSemaphore(value: 0)
        Task {
            do throws(ServeError) {
                outcome.set(.success(try await start()))
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

    /// Open connections, for tests.
    var connections: Int { running.listener?.connections ?? 0 }

    /// Stops accepting and closes every connection.
    public func stop() async {
        guard let task = running.task else { return }
        task.cancel()
        await task.value
    }
}

/// The listener and the task serving it, once started.
private final class Running: @unchecked Sendable {
    private let lock = NSLock()
    private var state: (listener: PreviewListener, task: Task<Void, Never>)?

    var listener: PreviewListener? { lock.withLock { state?.listener } }
    var task: Task<Void, Never>? { lock.withLock { state?.task } }

    func set(_ listener: PreviewListener, _ task: Task<Void, Never>) {
        lock.withLock { state = (listener, task) }
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
