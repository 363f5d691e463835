import FlyingFox
import Testing

@testable import FolioServe

/// The request head parser on its own: what it accepts, and the limits it holds bytes to.
@Suite struct RequestHeadTests {
    private static let small = ConnectionLimits(requestLine: 32, head: 96, body: 10)

    private static func parse(_ text: String, limits: ConnectionLimits = .preview) -> RequestHead.Parse {
        RequestHead.parse(Array(text.utf8), limits: limits)
    }

    private static func head(_ text: String, limits: ConnectionLimits = .preview) -> RequestHead? {
        guard case .complete(let head) = parse(text, limits: limits) else { return nil }
        return head
    }

    @Test func aCompleteHeadGivesItsPartsAndLength() throws {
        let text = "\r\nGET /charts/?v=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept:  text/html \r\n\r\nGET / HTTP/1.1\r\n"
        let head = try #require(Self.head(text))
        #expect(head.method == "GET")
        #expect(head.target == "/charts/?v=1")
        #expect(head.version == .http11)
        #expect(head.headers[.host] == "127.0.0.1")
        #expect(head.headers[HTTPHeader("accept")] == "text/html")
        #expect(head.contentLength == 0)
        #expect(head.keepsAlive)
        // Up to the blank line: the pipelined request after it is left for later.
        #expect(head.length == text.utf8.count - "GET / HTTP/1.1\r\n".utf8.count)
    }

    @Test func bareLineFeedsEndLinesToo() throws {
        let head = try #require(Self.head("GET / HTTP/1.1\nHost: x\n\n"))
        #expect(head.headers[.host] == "x")
    }

    @Test func aHeadWithoutItsBlankLineIsIncomplete() {
        #expect(Self.parse("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n") == .incomplete)
        #expect(Self.parse("GET /ind") == .incomplete)
        #expect(Self.parse("") == .incomplete)
    }

    @Test func moreThanTwoEmptyLinesBeforeTheRequestLineAreRefused() {
        #expect(Self.head("\r\n\r\nGET / HTTP/1.1\r\n\r\n") != nil)
        #expect(Self.parse("\r\n\r\n\r\nGET / HTTP/1.1\r\n\r\n") == .refused(.badRequest))
        #expect(Self.parse(String(repeating: "\r\n", count: 100)) == .refused(.badRequest))
    }

    @Test func onlyNewBytesWithABlankLineOrPastALimitAreWorthParsing() {
        let head = Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        let worth = { (count: Int, searched: Int) in RequestHead.isWorthParsing(Array(head[..<count]), searched: searched, limits: .preview)
        }
        #expect(!worth(0, 0))
        #expect(!worth(head.count - 1, 0))
        #expect(worth(head.count, 0))
        // The blank line's bytes may straddle what was searched before.
        #expect(worth(head.count, head.count - 1))
        #expect(!worth(head.count, head.count))
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: 40)
        #expect(RequestHead.isWorthParsing(long, searched: 30, limits: Self.small))
        #expect(!RequestHead.isWorthParsing(long, searched: 35, limits: Self.small))
    }

    @Test func whetherTheConnectionStaysOpenFollowsTheVersionAndConnectionHeader() {
        #expect(Self.head("GET / HTTP/1.1\r\nConnection: close\r\n\r\n")?.keepsAlive == false)
        #expect(Self.head("GET / HTTP/1.0\r\n\r\n")?.keepsAlive == false)
        #expect(Self.head("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")?.keepsAlive == true)
    }

    @Test func aRequestLineOverTheLimitIsRefused414EvenBeforeItEnds() {
        let long = "GET /" + String(repeating: "a", count: 40)
        #expect(Self.parse(long, limits: Self.small) == .refused(.uriTooLong))
        #expect(Self.parse(long + " HTTP/1.1\r\n\r\n", limits: Self.small) == .refused(.uriTooLong))
        #expect(Self.head("GET /" + String(repeating: "a", count: 18) + " HTTP/1.1\r\n\r\n", limits: Self.small) != nil)
    }

    @Test func aHeadOverTheLimitIsRefused431EvenBeforeItEnds() {
        let fields = String(repeating: "X-A: 0123456789\r\n", count: 6)
        #expect(Self.parse("GET / HTTP/1.1\r\n" + fields, limits: Self.small) == .refused(.requestHeaderFieldsTooLarge))
        #expect(Self.parse("GET / HTTP/1.1\r\n" + fields + "\r\n", limits: Self.small) == .refused(.requestHeaderFieldsTooLarge))
        #expect(Self.head("GET / HTTP/1.1\r\nX-A: 0123456789\r\n\r\n", limits: Self.small) != nil)
    }

    @Test func aBodyIsMeasuredAndBoundedByContentLength() {
        #expect(Self.head("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n", limits: Self.small)?.contentLength == 10)
        #expect(Self.parse("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n", limits: Self.small) == .refused(.payloadTooLarge))
        #expect(Self.parse("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n") == .refused(.payloadTooLarge))
        #expect(Self.parse("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") == .refused(.lengthRequired))
    }

    @Test func malformedHeadsAreRefused400() {
        for text in [
            "GET /\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "GET /a b HTTP/1.1\r\n\r\n", "GET / SPDY/3\r\n\r\n",
            "GET / HTTP/1.1\r\nNo colon here\r\n\r\n", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", "GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
        ] {
            #expect(Self.parse(text) == .refused(.badRequest), "\(text.debugDescription)")
        }
        #expect(Self.parse("GET / HTTP/2.0\r\n\r\n") == .refused(.httpVersionNotSupported))
    }
}
