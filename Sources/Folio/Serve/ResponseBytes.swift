import FlyingFox
import Foundation

/// An `HTTPResponse` as the bytes sent for it: status line, headers, `Content-Length` and body.
enum ResponseBytes {
    static func encode(_ response: HTTPResponse, closing: Bool) async -> Data {
        guard case .httpBody(let sequence) = response.payload else {
            return await encode(HTTPResponse(statusCode: .internalServerError), closing: true)
        }
        var body = Data()
        do {
            for try await chunk in sequence { body.append(chunk) }
        } catch {
            return await encode(HTTPResponse(statusCode: .internalServerError), closing: true)
        }
        var headers = response.headers
        headers.removeValue(.connection)
        headers.removeValue(.transferEncoding)
        if closing { headers[.connection] = "close" }
        // A HEAD answer keeps the length of the body it would have had.
        if headers[.contentLength] == nil { headers[.contentLength] = String(body.count) }
        var text = "\(response.version.rawValue) \(response.statusCode.code) \(response.statusCode.phrase)\r\n"
        for (name, value) in headers.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            text += "\(name.rawValue): \(value)\r\n"
        }
        text += "\r\n"
        return Data(text.utf8) + body
    }
}
