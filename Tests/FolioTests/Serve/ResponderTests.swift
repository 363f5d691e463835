import FlyingFox
import Foundation
import Testing

@testable import FolioServe

/// What the preview answers, asked without a socket.
@Suite struct ResponderTests {
    /// A small built site: pages, a stylesheet, a chart, a CSV download, a 404 page and the build marker.
    private func site() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Output/index.html", "<!doctype html><html><body><h1>Home</h1></body></html>\n")
        try folder.write("Output/ipo.html", "<html><BODY>IPO</BODY></html>\n")
        try folder.write("Output/404.html", "<html><body>No such page</body></html>\n")
        try folder.write("Output/assets/site.css", "body{}\n")
        try folder.write("Output/charts/sales.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        try folder.write("Output/charts/sales.csv", "year,value\n2024,1\n")
        try folder.write("Output/.folio-build", "build: x\n")
        try folder.write("Secret/passwords.txt", "hunter2\n")
        return folder
    }

    private func responder(_ folder: TemporaryFolder) -> PreviewResponder {
        PreviewResponder(site: SiteFolder(root: folder.path("Output")), channel: ReloadChannel(), pollTimeout: .milliseconds(50))
    }

    private func get(
        _ target: String, method: HTTPMethod = .GET, from responder: PreviewResponder
    ) async throws -> (
        status: Int, headers: HTTPHeaders, body: String
    ) {
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        let request = HTTPRequest(
            method: method, version: .http11, target: HTTPRequest.Target(path: parts[0], query: parts.count > 1 ? parts[1] : ""),
            headers: [:], body: HTTPBodySequence())
        let response = await responder.handleRequest(request)
        return (response.statusCode.code, response.headers, String(decoding: try await response.bodyData, as: UTF8.self))
    }

    @Test func mediaTypes() {
        let expected = [
            "index.html": "text/html; charset=utf-8", "a/site.css": "text/css; charset=utf-8", "chart.svg": "image/svg+xml",
            "sales.csv": "text/csv; charset=utf-8", "feed.xml": "application/xml", "data.json": "application/json",
            "logo.png": "image/png", "photo.JPG": "image/jpeg", "font.woff2": "font/woff2", "app.js": "text/javascript; charset=utf-8",
            "README": "application/octet-stream", ".hidden": "application/octet-stream",
        ]
        for (path, type) in expected { #expect(MediaType.forPath(path) == type, "\(path)") }
    }

    @Test func servesFilesWithTheirTypes() async throws {
        let folder = try site()
        defer { folder.remove() }
        let responder = responder(folder)
        let root = try await get("/", from: responder)
        #expect(root.status == 200)
        #expect(root.headers[.contentType] == "text/html; charset=utf-8")
        #expect(root.body.contains("<h1>Home</h1>"))
        let chart = try await get("/charts/sales.svg", from: responder)
        #expect(chart.status == 200)
        #expect(chart.headers[.contentType] == "image/svg+xml")
        #expect(chart.body == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        let csv = try await get("/charts/sales.csv", from: responder)
        #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
        #expect(csv.body == "year,value\n2024,1\n")
        let css = try await get("/assets/site%2Ecss", from: responder)
        #expect(css.status == 200)
        #expect(css.headers[.contentType] == "text/css; charset=utf-8")
        let folderWithoutSlash = try await get("/charts", from: responder)
        #expect(folderWithoutSlash.status == 301)
        #expect(folderWithoutSlash.headers[.location] == "/charts/")
    }

    @Test func missingPathsGetThe404Page() async throws {
        let folder = try site()
        defer { folder.remove() }
        let missing = try await get("/no-such-page.html", from: responder(folder))
        #expect(missing.status == 404)
        #expect(missing.body.contains("No such page"))
        #expect(missing.body.contains(LiveReloadScript.endpoint))
        try FileManager.default.removeItem(at: folder.path("Output/404.html"))
        let bare = try await get("/no-such-page.html", from: responder(folder))
        #expect(bare.status == 404)
    }

    @Test func refusesPathsThatLeaveTheSite() async throws {
        let folder = try site()
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(at: folder.path("Output/escape"), withDestinationURL: folder.path("Secret"))
        try FileManager.default.createSymbolicLink(
            at: folder.path("Output/leak.txt"), withDestinationURL: folder.path("Secret/passwords.txt"))
        let responder = responder(folder)
        let attempts = [
            "/../Secret/passwords.txt", "/%2e%2e/Secret/passwords.txt", "/%2E%2E/Secret/passwords.txt",
            "/assets/../../Secret/passwords.txt",
            "/..%2fSecret%2fpasswords.txt", "/%2fetc%2fpasswd", "/assets/..%5c..%5cSecret", "/escape/passwords.txt", "/leak.txt",
            "/.folio-build", "/index.html%00.css", "Secret/passwords.txt",
        ]
        for attempt in attempts {
            let response = try await get(attempt, from: responder)
            #expect(response.status == 403, "\(attempt)")
            #expect(!response.body.contains("hunter2"), "\(attempt)")
        }
        #expect(try await get("//etc/passwd", from: responder).status == 404)
    }

    @Test func injectsTheReloadScriptIntoServedHTMLOnly() async throws {
        let folder = try site()
        defer { folder.remove() }
        let responder = responder(folder)
        let page = try await get("/ipo.html", from: responder)
        #expect(page.body.hasPrefix("<html><BODY>IPO<script data-folio-live-reload>"))
        #expect(page.body.hasSuffix("</script></BODY></html>\n"))
        #expect(try folder.read("Output/ipo.html") == "<html><BODY>IPO</BODY></html>\n")
        let chart = try await get("/charts/sales.svg", from: responder)
        #expect(!chart.body.contains("script"))
        #expect(
            LiveReloadScript.inject(into: Array("<p>no body".utf8), version: 3)
                == Array(("<p>no body" + LiveReloadScript.tag(version: 3)).utf8))
    }

    @Test func headHasTheLengthAndNoBody() async throws {
        let folder = try site()
        defer { folder.remove() }
        let responder = responder(folder)
        let full = try await get("/charts/sales.csv", from: responder)
        let head = try await get("/charts/sales.csv", method: .HEAD, from: responder)
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers[.contentLength] == String(full.body.utf8.count))
        #expect(head.headers[.contentType] == "text/csv; charset=utf-8")
    }

    @Test func onlyGetAndHead() async throws {
        let folder = try site()
        defer { folder.remove() }
        for method in [HTTPMethod.POST, .PUT, .DELETE, .PATCH, .OPTIONS] {
            let response = try await get("/index.html", method: method, from: responder(folder))
            #expect(response.status == 405)
            #expect(response.headers[HTTPHeader("Allow")] == "GET, HEAD")
        }
    }

    @Test func versionEndpointAnswersWhenTheSiteChanges() async throws {
        let folder = try site()
        defer { folder.remove() }
        let responder = responder(folder)
        #expect(try await get("/_folio/version", from: responder).body == "{\"version\":0}\n")
        // Nothing changed: the poll times out with the same version.
        #expect(try await get("/_folio/version?since=0", from: responder).body == "{\"version\":0}\n")
        await responder.channel.publish()
        #expect(try await get("/_folio/version?since=0", from: responder).body == "{\"version\":1}\n")
        // A page from before a server restart holds a version the server never had: it reloads too.
        #expect(try await get("/_folio/version?since=7", from: responder).body == "{\"version\":1}\n")
        let page = try await get("/index.html", from: responder)
        #expect(page.body.contains("var v=1;"))
    }

    @Test func aWaitingPollWakesOnPublish() async {
        let channel = ReloadChannel()
        async let version = channel.wait(since: 0, timeout: .seconds(60))
        while await channel.waiting == 0 { try? await Task.sleep(for: .milliseconds(5)) }
        await channel.publish()
        #expect(await version == 1)
    }
}

/// Where the preview may listen.
@Suite struct ServeAddressTests {
    @Test func loopbackByDefault() throws {
        let address = try ServeAddress(port: 8000)
        #expect(address.host == "127.0.0.1")
        #expect(address.isLoopback)
        #expect(try ServeAddress(host: "localhost", port: 1).host == "127.0.0.1")
        #expect(try ServeAddress(host: "::1", port: 1).isLoopback)
    }

    @Test func refusesOtherAddressesUnlessNamedExplicitly() throws {
        #expect(throws: ServeError.notLoopback("0.0.0.0")) { try ServeAddress(host: "0.0.0.0", port: 8000) }
        #expect(throws: ServeError.notLoopback("192.168.1.4")) { try ServeAddress(host: "192.168.1.4", port: 8000) }
        let explicit = try ServeAddress(host: "0.0.0.0", port: 8000, hostIsExplicit: true)
        #expect(!explicit.isLoopback)
        #expect(throws: ServeError.badHost("example.com")) { try ServeAddress(host: "example.com", port: 8000, hostIsExplicit: true) }
    }
}
