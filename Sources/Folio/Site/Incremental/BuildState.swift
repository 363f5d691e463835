import FolioContent
import Foundation

/// What the last good build made and from what, kept outside the output folder (`.folio/`),
/// so the next build re-renders only pages whose inputs changed.
public struct BuildState: Sendable, Equatable {
    public static let version = 6

    /// What one page was made from, and what it showed.
    public struct PageRecord: Sendable, Equatable {
        /// The hash of everything the page was made from.
        public var fingerprint: String
        /// The datasets its blocks and inline values read.
        public var datasets: [String]
        public var tables: Int
        /// The article's path in Content/, for the change report.
        public var source: String
        /// The rest, decoded from the state file when first asked for.
        private var details: PageDetails.Storage

        public init(
            fingerprint: String, datasets: [String], files: [String: String], values: [String: String], charts: [String: [[String]]],
            tables: Int, tableDigests: [String: String], chartTitles: [String: String], source: String,
            claims: [String: ClaimRecord] = [:]
        ) {
            self.init(
                fingerprint: fingerprint, datasets: datasets, tables: tables, source: source,
                details: PageDetails(
                    files: files, values: values, charts: charts, tableDigests: tableDigests, chartTitles: chartTitles, claims: claims))
        }

        /// A record of a page rendered now, its details made as it was.
        init(fingerprint: String, datasets: [String], tables: Int, source: String, details: PageDetails) {
            self.fingerprint = fingerprint
            self.datasets = datasets
            self.tables = tables
            self.source = source
            self.details = .decoded(details)
        }

        /// A record read from the state file, its details still as bytes.
        init(fingerprint: String, datasets: [String], tables: Int, source: String, encoded: PageDetails.Encoded) {
            self.fingerprint = fingerprint
            self.datasets = datasets
            self.tables = tables
            self.source = source
            details = .encoded(encoded)
        }

        /// Its files (the page, its chart SVGs and CSVs) and their hashes.
        public var files: [String: String] {
            get { details.value.files }
            set { details.modify { $0.files = newValue } }
        }

        /// Each inline value as written → the text it showed.
        public var values: [String: String] {
            get { details.value.values }
            set { details.modify { $0.values = newValue } }
        }

        /// Each chart id → its numbers (header, then rows), for the change report.
        public var charts: [String: [[String]]] {
            get { details.value.charts }
            set { details.modify { $0.charts = newValue } }
        }

        /// `table N (dataset)` → a hash of the cells it showed.
        public var tableDigests: [String: String] {
            get { details.value.tableDigests }
            set { details.modify { $0.tableDigests = newValue } }
        }

        /// Chart id → its title and dataset, as the change report names it.
        public var chartTitles: [String: String] {
            get { details.value.chartTitles }
            set { details.modify { $0.chartTitles = newValue } }
        }

        /// Each claim's text → where it is and its operands' values.
        public var claims: [String: ClaimRecord] {
            get { details.value.claims }
            set { details.modify { $0.claims = newValue } }
        }

        /// How many charts and claims it has, known without decoding its details.
        public var chartCount: Int { details.chartCount }
        public var claimCount: Int { details.claimCount }

        /// The details as they stand, for the state file (the bytes, when they were never decoded).
        var storedDetails: PageDetails.Storage { details }

        public static func == (left: PageRecord, right: PageRecord) -> Bool {
            left.fingerprint == right.fingerprint && left.datasets == right.datasets && left.tables == right.tables
                && left.source == right.source && left.details.value == right.details.value
        }
    }

    /// A claim that held: its block's line and each operand as written with its value.
    public struct ClaimRecord: Sendable, Equatable {
        public var line: Int
        /// `[written, value]` pairs, in the order the test reads them.
        public var operands: [[String]]
    }

    public var version = BuildState.version
    /// A hash of every output file's hash; also written into the output's marker file, so a
    /// state that does not belong to the output in place is never trusted.
    public var buildID: String
    /// Every output file and its hash.
    public var outputs: [String: String]
    /// Page output path → record.
    public var pages: [String: PageRecord]
    /// Derived dataset → its rows as this build computed them, for the next build to reuse.
    public var derived: [String: DerivedRecord] = [:]
    /// `ProjectReader.Listing.stamp` of the inputs this build read (nil: unknown).
    public var inputStamp: String?
    /// Each input file this build read, by its display path (`Content/ipo.md`): what the next build
    /// needs to skip reading it when its `stat` is unchanged.
    public var inputs: [String: InputRecord] = [:]
    /// The output tree this build replaced, kept beside the output for the next build to update.
    public var spare: SpareTree?
    /// `InputHashes.structure` of this build, which a build after body edits alone keeps.
    public var structure = ""
    /// `InputHashes.datasets` of this build: a build after data edits re-examines only the pages
    /// that read a dataset whose hash moved.
    public var datasetHashes: [String: String] = [:]
    /// Each PDF of the report (`report.pdf`) → the hash of the pages it holds, as they were
    /// built: a build that changes none of them keeps the PDF.
    public var printHashes: [String: String] = [:]

    /// An input file as this build read it.
    public struct InputRecord: Sendable, Equatable {
        public var size: Int
        public var stamp: FileStamp
        public var hash: String
        /// For an article: its outline and the hash of its front matter.
        public var article: ArticleRecord?
    }

    public struct ArticleRecord: Sendable, Equatable {
        public var outline: ArticleOutline
        public var frontMatterHash: String
    }

    /// The previous output, swapped out by this build: its marker's build id, and the files in which
    /// it differs from `outputs` (path → its hash there, empty when it has no such file).
    public struct SpareTree: Sendable, Equatable {
        public var buildID: String
        public var differences: [String: String]
    }

}

/// What `stat` tells of a file that changes whenever it is written: its inode and its change times.
public struct FileStamp: Sendable, Equatable {
    public var inode: Int
    public var modified: Int
    public var modifiedNanoseconds: Int
    public var changed: Int
    public var changedNanoseconds: Int

    /// The stamp of a file changed too close to its listing to be trusted: it matches no file.
    public static let unsettled = FileStamp(inode: -1, modified: 0, modifiedNanoseconds: 0, changed: 0, changedNanoseconds: 0)

    var numbers: [Int] { [inode, modified, modifiedNanoseconds, changed, changedNanoseconds] }
}

/// Reads and writes the state file; the one place the state touches the disk.
enum BuildStateStore {
    static func location(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".folio").appendingPathComponent(output.lastPathComponent + ".state")
    }

    /// The state of the build now in `output`, with the sizes of its file, or nil when there is none that matches it.
    static func load(for output: URL) -> StateCodec.Decoded? {
        guard let data = FileManager.default.contents(atPath: location(for: output).path),
            let decoded = data.withUnsafeBytes({ StateCodec.decodeWithSizes($0.assumingMemoryBound(to: UInt8.self)) }),
            isInOutput(decoded, output: output)
        else { return nil }
        return decoded
    }

    /// Whether `output`'s marker names the build `decoded` is the state of.
    static func isInOutput(_ decoded: StateCodec.Decoded, output: URL) -> Bool {
        guard let marker = FileManager.default.contents(atPath: output.appendingPathComponent(OutputWriter.markerName).path) else {
            return false
        }
        return String(decoding: marker, as: UTF8.self) == OutputWriter.markerText(buildID: decoded.state.buildID)
    }

    /// Writes the state and its stamp, with the counts a no-op build reports (`summary`'s); a failure
    /// of the file system is a `POSIXError`. With `previous`, the state this build loaded, the
    /// changes are appended to its file while they stay small beside the whole state.
    static func save(_ state: BuildState, summary: BuildSummary, previous: StateCodec.Decoded?, for output: URL) throws {
        let url = location(for: output)
        try makeFolder(url.deletingLastPathComponent())
        if let previous, append(StateChange(from: previous.state, to: state), to: previous, for: output) {
            return try saveStamp(inputStamp: state.inputStamp, buildID: state.buildID, summary: summary, for: output)
        }
        try replace(url) { try StateCodec.write(state, toFile: $0) }
        try saveStamp(inputStamp: state.inputStamp, buildID: state.buildID, summary: summary, for: output)
    }

    /// Saves a build after body edits: its change is appended to the file `base` was decoded from,
    /// or, when the frames have grown too long, the state it makes is written whole.
    static func save(_ change: StateChange, summary: BuildSummary, base: StateCodec.Decoded, for output: URL) throws {
        if append(change, to: base, for: output) {
            return try saveStamp(inputStamp: change.inputStamp, buildID: change.buildID, summary: summary, for: output)
        }
        try save(base.state.applying(change), summary: summary, previous: nil, for: output)
    }

    /// Appends `change` as a frame to the file `base` was decoded from, unless the frames would then
    /// add more than a quarter to what the next build decodes; true when it did.
    private static func append(_ change: StateChange, to base: StateCodec.Decoded, for output: URL) -> Bool {
        let frame = StateCodec.encode(change, base: base.state)
        guard base.fileBytes - base.wholeBytes + frame.count <= base.wholeBytes / 4 else { return false }
        return (try? append(frame, to: location(for: output), expectedSize: base.fileBytes)) != nil
    }

    private static func saveStamp(inputStamp: String?, buildID: String, summary: BuildSummary, for output: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let stamp = QuickStamp(inputStamp: inputStamp, buildID: buildID, summary: summary)
        try replace(stampLocation(for: output), with: encoder.encode(stamp))
    }

    /// The state folder (its parent, beside the output, exists once the output is written).
    private static func makeFolder(_ folder: URL) throws {
        guard mkdir(folder.path, 0o755) != 0 else { return }
        let code = errno
        var info = stat()
        guard code == EEXIST, stat(folder.path, &info) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw POSIXError(.ENOTDIR) }
    }

    /// Appends to the file at `url`, which must still be `expectedSize` bytes long (the file this build
    /// loaded); a build killed while appending leaves a truncated frame, which the next build reads
    /// as no state at all.
    private static func append(_ bytes: [UInt8], to url: URL, expectedSize: Int) throws {
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, Int(info.st_size) == expectedSize else { throw POSIXError(.ESTALE) }
        try PlainFile.write(bytes, toDescriptor: descriptor)
    }

    /// Writes beside `url`, then renames over it, so a build killed while saving leaves the old file or the new one.
    private static func replace(_ url: URL, with data: Data) throws {
        try replace(url) { try PlainFile.write(Array(data), toDescriptor: $0) }
    }

    /// The same, for a file `write` writes to the descriptor it is given.
    private static func replace(_ url: URL, writing write: (Int32) throws -> Void) throws {
        let temporary = url.path + ".new"
        do {
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            defer { close(descriptor) }
            try write(descriptor)
            guard rename(temporary, url.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// The state file's path as the user named the output: `.folio/Output.state`, `site/.folio/out.state`.
    static func displayPath(forOutputNamed name: String, output: URL) -> String {
        let folder = name.lastIndex(of: "/").map { String(name[...$0]) } ?? ""
        return folder + ".folio/" + location(for: output).lastPathComponent
    }

    /// Why saving failed, in a few words: the system's reason (`Not a directory`).
    static func reason(_ error: any Error) -> String {
        if let error = error as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
        return "\(error)"
    }

    static func stampLocation(for output: URL) -> URL {
        location(for: output).deletingPathExtension().appendingPathExtension("stamp")
    }

    /// The summary of the build in `output`, when `stamp` says no input changed since it was made;
    /// reads only a small file and the output's marker, not the whole state.
    static func unchangedSummary(for output: URL, stamp: String) -> BuildSummary? {
        guard let data = FileManager.default.contents(atPath: stampLocation(for: output).path),
            let quick = try? JSONDecoder().decode(QuickStamp.self, from: data), quick.inputStamp == stamp,
            let marker = FileManager.default.contents(atPath: output.appendingPathComponent(OutputWriter.markerName).path),
            String(decoding: marker, as: UTF8.self) == OutputWriter.markerText(buildID: quick.buildID)
        else { return nil }
        return BuildSummary(
            pages: quick.summary.pages, charts: quick.summary.charts, tables: quick.summary.tables, files: quick.summary.files,
            claims: quick.summary.claims)
    }
}

/// The few facts a no-op rebuild needs, kept beside the state so it can answer without decoding it.
struct QuickStamp: Codable {
    struct Counts: Codable {
        var pages, charts, tables, files, claims: Int
    }

    var inputStamp: String?
    var buildID: String
    var summary: Counts

    init(inputStamp: String?, buildID: String, summary: BuildSummary) {
        self.inputStamp = inputStamp
        self.buildID = buildID
        self.summary = Counts(
            pages: summary.pages, charts: summary.charts, tables: summary.tables, files: summary.files, claims: summary.claims)
    }
}
