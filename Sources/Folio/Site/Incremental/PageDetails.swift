import Synchronization

/// The part of a page's record that only a page examined again needs: its files, values, charts,
/// tables and claims. A state read from disk keeps each page's details as bytes and decodes them on
/// first use, so a build after one edit decodes the records it touches, not 100,000 of them.
struct PageDetails: Sendable, Equatable {
    var files: [String: String] = [:]
    var values: [String: String] = [:]
    var charts: [String: [[String]]] = [:]
    var tableDigests: [String: String] = [:]
    var chartTitles: [String: String] = [:]
    var claims: [String: BuildState.ClaimRecord] = [:]

    /// Details whose bytes do not decode: a file no output has, so the page is never reused.
    static let unreadable = PageDetails(files: ["\u{0}unreadable": ""])

    /// Decoded details, or the bytes of the state file they are in.
    enum Storage: Sendable {
        case decoded(PageDetails)
        case encoded(Encoded)

        var value: PageDetails {
            switch self {
            case .decoded(let details): details
            case .encoded(let encoded): encoded.value
            }
        }

        var chartCount: Int {
            switch self {
            case .decoded(let details): details.charts.count
            case .encoded(let encoded): encoded.chartCount
            }
        }

        var claimCount: Int {
            switch self {
            case .decoded(let details): details.claims.count
            case .encoded(let encoded): encoded.claimCount
            }
        }

        mutating func modify(_ change: (inout PageDetails) -> Void) {
            var details = value
            // Let go of the old details first, so the change edits them in place instead of a copy.
            self = .decoded(PageDetails())
            change(&details)
            self = .decoded(details)
        }
    }

    /// Details as the state file holds them, with the counts a summary needs, decoded once.
    final class Encoded: Sendable {
        let bytes: [UInt8]
        let chartCount: Int
        let claimCount: Int
        private let decoded = Mutex<PageDetails?>(nil)

        init(bytes: [UInt8], chartCount: Int, claimCount: Int) {
            self.bytes = bytes
            self.chartCount = chartCount
            self.claimCount = claimCount
        }

        var value: PageDetails {
            decoded.withLock { cached in
                if let cached { return cached }
                let details = StateCodec.readDetails(bytes) ?? .unreadable
                cached = details
                return details
            }
        }
    }
}
