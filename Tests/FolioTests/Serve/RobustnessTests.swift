import Foundation
import Testing

@testable import FolioServe

#if canImport(Glibc)
    import Glibc
#endif

/// Clients that send too much, too little or too many connections: the preview answers or closes them promptly and
/// keeps serving everyone else. Real server, raw loopback sockets, and a deadline on every wait.
@Suite struct RobustnessTests {
    /// A server for a one-page site on an ephemeral loopback port; `stop()` it and `remove()` the folder when done.
    private struct Served {
        let server: PreviewServer
        let port: UInt16
        let folder: TemporaryFolder

        init(limits: ConnectionLimits = .preview) async throws {
            folder = try TemporaryFolder()
            try folder.write("Output/index.html", "<html><body>home</body></html>")
            server = try PreviewServer(output: folder.path("Output"), address: ServeAddress(port: 0), limits: limits)
            let base = try await server.start()
            port = try #require(base.split(separator: ":").last.map { UInt16($0.prefix { $0.isNumber }) } ?? nil)
        }

        func finish() async {
            await server.stop()
            folder.remove()
        }

        /// A fresh GET for the home page, and what came back within `timeout`; "refused" when the server is gone.
        func home(timeout: Duration = .seconds(5)) -> String {
            (try? LoopbackClient.exchange(LoopbackClient.get(), port: port, timeout: timeout))?.text ?? "refused"
        }
    }

    @Test func aRequestLineOf64KiBIsAnswered414AtOnce() async throws {
        let served = try await Served()
        let line = "GET /" + String(repeating: "a", count: 64 << 10) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        let started = ContinuousClock.now
        let reply = try LoopbackClient.exchange(line, port: served.port, timeout: .seconds(5))
        #expect(reply.text.hasPrefix("HTTP/1.1 414"), "\(reply.text.prefix(60))")
        #expect(reply.closed)
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(served.home().hasPrefix("HTTP/1.1 200"))
        await served.finish()
    }

    @Test func headersOver64KiBAreAnswered431AtOnce() async throws {
        let served = try await Served()
        let manyHeaders = "GET / HTTP/1.1\r\n" + String(repeating: "X-Padding: 0123456789abcdef0123456789\r\n", count: 2_000) + "\r\n"
        let oneLongHeader = "GET / HTTP/1.1\r\nX-Long: " + String(repeating: "b", count: 70 << 10) + "\r\n\r\n"
        for request in [manyHeaders, oneLongHeader] {
            let reply = try LoopbackClient.exchange(request, port: served.port, timeout: .seconds(5))
            #expect(reply.text.hasPrefix("HTTP/1.1 431"), "\(reply.text.prefix(60))")
            #expect(reply.closed)
        }
        #expect(served.home().hasPrefix("HTTP/1.1 200"))
        await served.finish()
    }

    @Test func idleConnectionsAreClosedWithoutHoldingUpOthers() async throws {
        let served = try await Served(limits: ConnectionLimits(idleTimeout: .seconds(1)))
        let silent = try LoopbackClient(port: served.port, timeout: .seconds(1))
        let halfway = try LoopbackClient(port: served.port, timeout: .seconds(1))
        try halfway.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        let started = ContinuousClock.now
        #expect(served.home(timeout: .seconds(2)).hasPrefix("HTTP/1.1 200"))
        // A kept-alive connection that got its answer is idle again.
        let kept = try LoopbackClient(port: served.port, timeout: .seconds(1))
        try kept.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let deadline = started + .seconds(6)
        let replies = [silent.receive(until: deadline), halfway.receive(until: deadline), kept.receive(until: deadline)]
        #expect(replies.map(\.closed) == [true, true, true])
        #expect(replies[0].bytes.isEmpty)
        #expect(replies[2].text.hasPrefix("HTTP/1.1 200"))
        #expect(ContinuousClock.now - started >= .milliseconds(900))
        #expect(served.server.connections == 0)
        await served.finish()
    }

    @Test func aLiveReloadPollOutlastsTheIdleTimeout() async throws {
        let served = try await Served(limits: ConnectionLimits(idleTimeout: .milliseconds(500)))
        let poll = try LoopbackClient(port: served.port, timeout: .seconds(1))
        try poll.send("GET \(LiveReloadScript.endpoint)?since=0 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        try await Task.sleep(for: .seconds(2))
        await served.server.channel.publish()
        let reply = poll.receive(until: .now + .seconds(5))
        #expect(reply.text.hasPrefix("HTTP/1.1 200"), "\(reply.text.prefix(60))")
        #expect(reply.text.hasSuffix("{\"version\":1}\n"))
        await served.finish()
    }

    @Test func runningOutOfFileDescriptorsDoesNotStopTheServer() async throws {
        let served = try await Served(limits: ConnectionLimits(idleTimeout: .seconds(1)))
        var original = rlimit()
        try #require(getrlimit(resourceNOFILE, &original) == 0)
        // Room for a few dozen more descriptors, shared by this test's clients and the server's side of them.
        let open = try FileManager.default.contentsOfDirectory(atPath: "/dev/fd").count
        var lowered = original
        lowered.rlim_cur = rlim_t(open + 40)
        try #require(setrlimit(resourceNOFILE, &lowered) == 0)
        var held: [LoopbackClient] = []
        while held.count < 200, let client = try? LoopbackClient(port: served.port, timeout: .seconds(1)) {
            held.append(client)
        }
        // Meanwhile the server has tried to accept the last connections, and failed.
        try? await Task.sleep(for: .milliseconds(300))
        for client in held { client.close() }
        #expect(setrlimit(resourceNOFILE, &original) == 0)
        #expect(held.count < 200, "the lowered limit was never reached")
        #expect(served.home(timeout: .seconds(5)).hasPrefix("HTTP/1.1 200"))
        await served.finish()
    }

    @Test func thousandsOfConnectionsLeaveTheServerAnswering() async throws {
        let served = try await Served()
        for _ in 0..<2_000 {
            (try? LoopbackClient(port: served.port, timeout: .seconds(1)))?.close()
        }
        let idle = (0..<500).compactMap { _ in try? LoopbackClient(port: served.port, timeout: .seconds(1)) }
        #expect(idle.count == 500)
        #expect(served.home(timeout: .seconds(5)).hasPrefix("HTTP/1.1 200"))
        for client in idle { client.close() }
        await served.finish()
    }
}

#if canImport(Glibc)
    private let resourceNOFILE = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
#else
    private let resourceNOFILE = RLIMIT_NOFILE
#endif
