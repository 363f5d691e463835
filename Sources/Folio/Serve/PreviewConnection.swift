import FlyingFox
import FlyingSocks
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One client connection: reads each request within `ConnectionLimits`, answers it with the handler, and closes the
/// connection when the client asks, when a request breaks a limit, or when the client stays idle too long.
struct PreviewConnection {
    let socket: AsyncSocket
    let handler: any HTTPHandler
    let limits: ConnectionLimits
    let registry: ConnectionRegistry
    let id: Int

    private static let readSize = 16 << 10
    private static let writeSize = 64 << 10

    func run() async {
        defer {
            registry.close(id)
            try? socket.close()
        }
        var received: [UInt8] = []
        while !Task.isCancelled {
            awaitProgress()
            guard let parse = try? await readHead(&received) else { return }
            switch parse {
            case .incomplete:
                return
            case .refused(let status):
                await refuse(status)
                return
            case .complete(let head):
                received.removeFirst(head.length)
                guard let body = try? await readBody(&received, length: head.contentLength) else { return }
                registry.setDeadline(nil, for: id)
                let response = await answer(head, body: body)
                guard (try? await send(ResponseBytes.encode(response, closing: !head.keepsAlive))) != nil, head.keepsAlive else { return }
            }
        }
    }

    /// From now, the client has `idleTimeout` to send or take the next bytes.
    private func awaitProgress() {
        registry.setDeadline(.now + limits.idleTimeout, for: id)
    }

    /// Reads until `received` holds a complete head or breaks a limit; nil when the client closed the connection first.
    private func readHead(_ received: inout [UInt8]) async throws -> RequestHead.Parse? {
        var searched = 0
        while true {
            if RequestHead.isWorthParsing(received, searched: searched, limits: limits) {
                let parse = RequestHead.parse(received, limits: limits)
                guard parse == .incomplete else { return parse }
            }
            searched = received.count
            guard let bytes = try await read() else { return nil }
            received += bytes
        }
    }

    private func readBody(_ received: inout [UInt8], length: Int) async throws -> Data? {
        while received.count < length {
            guard let bytes = try await read() else { return nil }
            received += bytes
        }
        defer { received.removeFirst(length) }
        return Data(received[..<length])
    }

    /// The next bytes the client sent; nil at the end of the stream.
    private func read() async throws -> [UInt8]? {
        do {
            return try await socket.read(atMost: Self.readSize)
        } catch SocketError.disconnected {
            return nil
        }
    }

    private func answer(_ head: RequestHead, body: Data) async -> HTTPResponse {
        let parts = head.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let request = HTTPRequest(
            method: HTTPMethod(head.method), version: head.version,
            target: HTTPRequest.Target(path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : ""),
            headers: head.headers, body: HTTPBodySequence(data: body))
        do {
            return try await handler.handleRequest(request)
        } catch {
            return HTTPResponse(statusCode: .internalServerError)
        }
    }

    /// Writes `bytes`, giving the client `idleTimeout` to take each part of them.
    private func send(_ bytes: Data) async throws {
        var start = bytes.startIndex
        while start < bytes.endIndex {
            awaitProgress()
            let end = min(start + Self.writeSize, bytes.endIndex)
            try await socket.write(bytes[start..<end])
            start = end
        }
    }

    /// Answers a request that broke a limit, then closes gracefully: the rest of what the client sends is read and
    /// dropped for a moment, so closing with unread bytes does not reset the connection before the client reads the answer.
    private func refuse(_ status: HTTPStatusCode) async {
        let message = "\(status.code) \(status.phrase).\n"
        let response = HTTPResponse(
            statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"], body: Data(message.utf8))
        guard (try? await send(ResponseBytes.encode(response, closing: true))) != nil else { return }
        _ = shutdown(socket.socket.file.rawValue, Int32(SHUT_WR))
        registry.setDeadline(.now + min(limits.idleTimeout, .seconds(1)), for: id)
        var drained = 0
        while drained < 1 << 20, let bytes = try? await read() {
            drained += bytes.count
        }
    }
}
