/// The bounds the preview server holds every connection to, so no client can make it spin, fill memory or hold a
/// connection open forever.
public struct ConnectionLimits: Sendable, Equatable {
    /// Longest request line (method, target and version), in bytes; a longer one is answered 414.
    public var requestLine: Int
    /// Longest request head (the request line and every header), in bytes; a longer one is answered 431.
    public var head: Int
    /// Largest request body read (and ignored); a larger one is answered 413.
    public var body: Int
    /// How long a connection may take to send a complete request, counted from its opening or from the end of the
    /// previous response, and how long a response may wait for the client to take more of it. A request being
    /// answered, such as a held live-reload poll, is never cut short.
    public var idleTimeout: Duration

    public init(requestLine: Int = 8 << 10, head: Int = 64 << 10, body: Int = 64 << 10, idleTimeout: Duration = .seconds(5)) {
        self.requestLine = requestLine
        self.head = head
        self.body = body
        self.idleTimeout = idleTimeout
    }

    public static let preview = ConnectionLimits()
}
