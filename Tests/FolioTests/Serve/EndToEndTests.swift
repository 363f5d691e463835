import Folio
import FolioCore
import Foundation
import Testing

@testable import FolioServe

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// `folio serve` as a browser sees it: a real server on an ephemeral loopback port, a real HTTP client.
@Suite struct EndToEndTests {
    private static func fetch(_ url: String, timeout: TimeInterval = 60) async throws -> (status: Int, type: String?, body: String) {
        guard let address = URL(string: url) else { throw URLError(.badURL) }
        var request = URLRequest(url: address, cachePolicy: .reloadIgnoringLocalAndRemoteCacheData, timeoutInterval: timeout)
        request.httpMethod = "GET"
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return (http?.statusCode ?? 0, http?.value(forHTTPHeaderField: "Content-Type"), String(decoding: data, as: UTF8.self))
    }

    private static func version(in json: String) -> Int? {
        Int(json.filter(\.isNumber))
    }

    @Test func aCSVEditReloadsTheOpenPage() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Scaffold.create(at: folder.url)
        let layout = ProjectLayout(base: folder.url)
        let session = WatchSession(layout, options: BuildOptions())
        guard case .built = session.build() else {
            Issue.record("the starter project does not build")
            return
        }
        let server = try PreviewServer(output: layout.output, address: ServeAddress(port: 0))
        let base = try await server.start()
        #expect(base.hasPrefix("http://127.0.0.1:"))
        startThread { session.run { _, outcome in server.siteRebuilt(outcome) } }
        defer {
            session.stop()
            Task { await server.stop() }
        }

        let page = try await Self.fetch(base)
        #expect(page.status == 200)
        #expect(page.type == "text/html; charset=utf-8")
        #expect(page.body.contains("241.2"))
        #expect(page.body.contains(LiveReloadScript.endpoint))
        #expect(!(try folder.read("Output/index.html")).contains(LiveReloadScript.endpoint))
        let chart = try await Self.fetch(base + "charts/")
        #expect(chart.status == 404)

        // The page's script polls with the version it was served with.
        let served = try #require(page.body.firstRange(of: "var v=").map { Int(page.body[$0.upperBound...].prefix { $0.isNumber }) } ?? nil)
        async let reload = Self.fetch(base + "_folio/version?since=\(served)")
        try folder.write("Content/data/sales.csv", "year,revenue_usd_m\n2022,120.5\n2023,180\n2024,987.6\n")
        var answer = try await reload
        // A poll held past its timeout answers with the same version; poll again, as the script does.
        let deadline = ContinuousClock.now + .seconds(90)
        while Self.version(in: answer.body) == served, ContinuousClock.now < deadline {
            answer = try await Self.fetch(base + "_folio/version?since=\(served)")
        }
        #expect(answer.status == 200)
        #expect(Self.version(in: answer.body) == served + 1)

        let reloaded = try await Self.fetch(base)
        #expect(reloaded.body.contains("987.6"))
        #expect(!reloaded.body.contains("241.2"))
        #expect(reloaded.body.contains("var v=\(served + 1);"))
    }

    @Test func aPortAlreadyInUseIsNamedWithTheWayOut() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("Output/index.html", "<html><body>home</body></html>")
        let first = try PreviewServer(output: folder.path("Output"), address: ServeAddress(port: 0))
        let base = try await first.start()
        defer { Task { await first.stop() } }
        let port = try #require(base.split(separator: ":").last.map { UInt16($0.prefix { $0.isNumber }) } ?? nil)
        let second = try PreviewServer(output: folder.path("Output"), address: ServeAddress(port: port))
        await #expect(throws: ServeError.portInUse(port)) { _ = try await second.start() }
        #expect(ServeError.portInUse(port).description.contains("port \(port) is already in use"))
        #expect(ServeError.portInUse(port).description.contains("--port"))
    }

    @Test func rawRequestsCannotLeaveTheSite() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("Output/index.html", "<html><body>home</body></html>")
        try folder.write("secret.txt", "hunter2")
        let server = try PreviewServer(output: folder.path("Output"), address: ServeAddress(port: 0))
        let base = try await server.start()
        defer { Task { await server.stop() } }
        let port = try #require(base.split(separator: ":").last.map { UInt16($0.prefix { $0.isNumber }) } ?? nil)
        for target in ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/assets/../../secret.txt"] {
            let response = try RawHTTP.get(target, port: port)
            #expect(response.hasPrefix("HTTP/1.1 403"), "\(target): \(response.prefix(40))")
            #expect(!response.contains("hunter2"))
        }
        #expect(try RawHTTP.get("/", port: port).hasPrefix("HTTP/1.1 200"))
        #expect(try RawHTTP.get("/", method: "POST", port: port).hasPrefix("HTTP/1.1 405"))
    }
}

/// One request over a plain socket, so the target reaches the server exactly as written.
enum RawHTTP {
    static func get(_ target: String, method: String = "GET", port: UInt16) throws -> String {
        let request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        return try LoopbackClient.exchange(request, port: port, timeout: .seconds(30)).text
    }
}
