import FlyingFox
import Foundation

/// Answers preview requests: files of the built site (GET and HEAD only), the live-reload endpoint,
/// and `404.html` for anything missing. HTML gets the live-reload script on the way out.
public struct PreviewResponder: HTTPHandler {
    public let site: SiteFolder
    public let channel: ReloadChannel
    /// How long a live-reload poll is held open when nothing changes.
    public var pollTimeout: Duration

    public init(site: SiteFolder, channel: ReloadChannel, pollTimeout: Duration = .seconds(25)) {
        self.site = site
        self.channel = channel
        self.pollTimeout = pollTimeout
    }

    public func handleRequest(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.text(.methodNotAllowed, "Only GET and HEAD are served.\n", extra: [.allow: "GET, HEAD"])
        }
        let path = request.target.path(percentEncoded: true)
        if path == LiveReloadScript.endpoint {
            return await versionResponse(request)
        }
        let response: HTTPResponse
        switch site.resolve(path) {
        case .file(let url):
            response = await fileResponse(url, status: .ok)
        case .redirect(let location):
            response = Self.text(.movedPermanently, "Moved to \(location)\n", extra: [.location: location])
        case .refused:
            response = Self.text(.forbidden, "Forbidden.\n")
        case .missing:
            response = await notFound()
        }
        return request.method == .HEAD ? Self.headersOnly(response) : response
    }

    private func versionResponse(_ request: HTTPRequest) async -> HTTPResponse {
        let since = request.query.first { $0.name == "since" }.flatMap { Int($0.value) }
        let current = if let since { await channel.wait(since: since, timeout: pollTimeout) } else { await channel.version }
        return HTTPResponse(
            statusCode: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: Data("{\"version\":\(current)}\n".utf8))
    }

    private func fileResponse(_ url: URL, status: HTTPStatusCode) async -> HTTPResponse {
        guard let data = try? Data(contentsOf: url) else { return Self.text(.notFound, "Not found.\n") }
        let type = MediaType.forPath(url.lastPathComponent)
        var body = data
        if MediaType.isHTML(type) {
            body = Data(LiveReloadScript.inject(into: Array(data), version: await channel.version))
        }
        return HTTPResponse(statusCode: status, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
    }

    private func notFound() async -> HTTPResponse {
        if case .file(let page) = site.resolve("/404.html") {
            return await fileResponse(page, status: .notFound)
        }
        return Self.text(.notFound, "Not found.\n")
    }

    private static func text(_ status: HTTPStatusCode, _ message: String, extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"]
        for (name, value) in extra { headers[name] = value }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(message.utf8))
    }

    /// The same status and headers, the length of the body it would have had, and no body.
    private static func headersOnly(_ response: HTTPResponse) -> HTTPResponse {
        var headers = response.headers
        if case .httpBody(let body) = response.payload, let count = body.count { headers[.contentLength] = String(count) }
        return HTTPResponse(version: response.version, statusCode: response.statusCode, headers: headers, body: Data())
    }
}

extension HTTPHeader {
    static let allow = HTTPHeader("Allow")
}
