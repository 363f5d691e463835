/// The site's version, bumped after each rebuild that changed the output; open pages long-poll it and reload when it moves.
public actor ReloadChannel {
    public private(set) var version = 0
    private var waiters: [Int: CheckedContinuation<Int, Never>] = [:]
    private var nextWaiter = 0

    public init() {}

    /// Pages waiting for a change.
    var waiting: Int { waiters.count }

    /// A rebuild changed the site: every waiting page hears about it.
    public func publish() {
        version += 1
        let waiting = waiters
        waiters = [:]
        for continuation in waiting.values { continuation.resume(returning: version) }
    }

    /// The version as soon as it differs from `since` (a page built before a restart also differs), or after `timeout` the current one.
    public func wait(since: Int, timeout: Duration) async -> Int {
        if version != since { return version }
        let id = nextWaiter
        nextWaiter += 1
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.expire(id)
        }
        let version = await withCheckedContinuation { waiters[id] = $0 }
        timer.cancel()
        return version
    }

    private func expire(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume(returning: version)
    }
}

/// The script served pages get, never the files on disk.
public enum LiveReloadScript {
    public static let endpoint = "/_folio/version"

    /// Polls for a version other than the page's own, then reloads; retries quietly while the server is away.
    public static func tag(version: Int) -> String {
        """
        <script data-folio-live-reload>(function(){var v=\(version);function poll(){\
        fetch('\(endpoint)?since='+v,{cache:'no-store'}).then(function(r){return r.json()}).then(function(d){\
        if(d.version!==v){location.reload()}else{poll()}}).catch(function(){setTimeout(poll,1000)})}poll()})();</script>
        """
    }

    /// The page with the script before its last `</body>`, or at the end when it has none.
    public static func inject(into html: [UInt8], version: Int) -> [UInt8] {
        let script = Array(tag(version: version).utf8)
        let closing = Array("</body>".utf8)
        var index = html.count - closing.count
        while index >= 0 {
            if html[index] == UInt8(ascii: "<"),
                zip(html[index..<(index + closing.count)], closing).allSatisfy({ lowercased($0) == $1 })
            {
                return Array(html[..<index]) + script + Array(html[index...])
            }
            index -= 1
        }
        return html + script
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
