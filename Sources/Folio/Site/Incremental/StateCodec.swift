import FolioContent
import FolioCore

/// The state file: a magic line and the version, one whole `BuildState` in `StateBytes`' encoding,
/// then a frame of changes for each later build, appended, so a build that changed one page
/// writes that page's records and not every page's. Anything it cannot read (another version, a
/// truncated frame) decodes to nil: the next build is then a full one.
enum StateCodec {
    static let magic = Array("folio build state\n".utf8)

    /// What a decoded file held: the state, and the sizes of its first frame and of the whole file,
    /// from which the next save decides between appending and writing it whole again.
    struct Decoded {
        var state: BuildState
        var wholeBytes: Int
        var fileBytes: Int
    }

    /// The file for one state, whole.
    static func encode(_ state: BuildState) -> [UInt8] {
        var out = StateByteWriter()
        writeFile(state, to: &out)
        return out.bytes
    }

    /// Writes the file for one state, whole, to `file` as it is made, so the whole of it (90 MB at
    /// 100,000 pages) is never held at once.
    static func write(_ state: BuildState, toFile file: Int32) throws {
        var out = StateByteWriter(streamingTo: file)
        writeFile(state, to: &out)
        out.flush(always: true)
        if let failure = out.failure { throw failure }
    }

    private static func writeFile(_ state: BuildState, to out: inout StateByteWriter) {
        out.append(magic)
        out.count(state.version)
        writeWhole(state, to: &out)
    }

    /// A frame that applies `change` to `base`, the state decoded from the file it is appended to.
    static func encode(_ change: StateChange, base: BuildState) -> [UInt8] {
        var body = StateByteWriter()
        body.text(change.buildID)
        body.optionalText(change.inputStamp)
        body.text(change.structure ?? base.structure)
        writeChanges(change.outputs, to: &body) { $0.text($1) }
        writeChanges(change.pages, to: &body) { write($1, to: &$0) }
        writeChanges(change.inputs, to: &body) { write($1, to: &$0) }
        writeDerived(change.derived ?? base.derived, to: &body)
        writeSpare(change.spare, to: &body)
        body.textMap(change.datasetHashes ?? base.datasetHashes)
        body.textMap(change.printHashes ?? base.printHashes)
        var out = StateByteWriter()
        out.count(body.bytes.count)
        return out.bytes + body.bytes
    }

    static func decode(_ bytes: [UInt8]) -> BuildState? { decodeWithSizes(bytes)?.state }

    static func decodeWithSizes(_ bytes: [UInt8]) -> Decoded? {
        bytes.withUnsafeBufferPointer(decodeWithSizes)
    }

    static func decodeWithSizes(_ bytes: UnsafeBufferPointer<UInt8>) -> Decoded? {
        var input = StateByteReader(bytes)
        do throws(StateByteReader.Malformed) {
            try input.expect(magic)
            guard try input.count() == BuildState.version else { return nil }
            var state = try readWhole(&input)
            let wholeEnd = input.offset
            while !input.isAtEnd {
                let length = try input.count()
                let end = input.offset + length
                try readChanges(&input, into: &state)
                guard input.offset == end else { return nil }
            }
            return Decoded(state: state, wholeBytes: wholeEnd, fileBytes: bytes.count)
        } catch {
            return nil
        }
    }

    private static func writeWhole(_ state: BuildState, to out: inout StateByteWriter) {
        out.text(state.buildID)
        out.optionalText(state.inputStamp)
        out.text(state.structure)
        out.textMap(state.outputs)
        out.parallelMap(state.pages) { out, page in write(page, to: &out) }
        out.map(state.inputs) { out, input in write(input, to: &out) }
        writeDerived(state.derived, to: &out)
        writeSpare(state.spare, to: &out)
        out.textMap(state.datasetHashes)
        out.textMap(state.printHashes)
    }

    private static func readWhole(_ input: inout StateByteReader) throws(StateByteReader.Malformed) -> BuildState {
        let buildID = try input.text()
        let stamp = try input.optionalText()
        let structure = try input.text()
        var state = BuildState(buildID: buildID, outputs: try input.textMap(), pages: try input.map(readPage))
        state.inputStamp = stamp
        state.structure = structure
        state.inputs = try input.map(readInput)
        state.derived = try readDerived(&input)
        state.spare = try readSpare(&input)
        state.datasetHashes = try input.textMap()
        state.printHashes = try input.textMap()
        return state
    }

    private static func readChanges(_ input: inout StateByteReader, into state: inout BuildState) throws(StateByteReader.Malformed) {
        state.buildID = try input.text()
        state.inputStamp = try input.optionalText()
        state.structure = try input.text()
        try applyChanges(&input, to: &state.outputs) { input throws(StateByteReader.Malformed) in try input.text() }
        try applyChanges(&input, to: &state.pages, readPage)
        try applyChanges(&input, to: &state.inputs, readInput)
        state.derived = try readDerived(&input)
        state.spare = try readSpare(&input)
        state.datasetHashes = try input.textMap()
        state.printHashes = try input.textMap()
    }

    /// The entries changed, each with its value, then the keys removed.
    private static func writeChanges<Value>(
        _ changes: [String: Value?], to out: inout StateByteWriter, _ write: (inout StateByteWriter, Value) -> Void
    ) {
        out.map(changes.compactMapValues { $0 }, write)
        out.texts(changes.filter { $0.value == nil }.map(\.key).sorted())
    }

    private static func applyChanges<Value>(
        _ input: inout StateByteReader, to values: inout [String: Value],
        _ read: (inout StateByteReader) throws(StateByteReader.Malformed) -> Value
    ) throws(StateByteReader.Malformed) {
        for (key, value) in try input.map(read) { values[key] = value }
        for key in try input.texts() { values[key] = nil }
    }

    private static func writeDerived(_ derived: [String: BuildState.DerivedRecord], to out: inout StateByteWriter) {
        out.map(derived) { out, record in
            out.text(record.fingerprint)
            out.texts(record.reads)
            out.table(record.columns)
            out.table(record.rows)
        }
    }

    private static func readDerived(_ input: inout StateByteReader) throws(StateByteReader.Malformed) -> [String: BuildState.DerivedRecord]
    {
        try input.map { input throws(StateByteReader.Malformed) in
            BuildState.DerivedRecord(
                fingerprint: try input.text(), reads: try input.texts(), columns: try input.table(), rows: try input.table())
        }
    }

    private static func writeSpare(_ spare: BuildState.SpareTree?, to out: inout StateByteWriter) {
        out.flag(spare != nil)
        guard let spare else { return }
        out.text(spare.buildID)
        out.textMap(spare.differences)
    }

    private static func readSpare(_ input: inout StateByteReader) throws(StateByteReader.Malformed) -> BuildState.SpareTree? {
        guard try input.flag() else { return nil }
        return BuildState.SpareTree(buildID: try input.text(), differences: try input.textMap())
    }

    /// A page: what a build after an edit reads of every page, then its details as one length-prefixed
    /// blob, which the reader keeps as bytes until they are asked for (`PageDetails.Encoded`).
    private static func write(_ page: BuildState.PageRecord, to out: inout StateByteWriter) {
        out.text(page.fingerprint)
        out.texts(page.datasets)
        out.integer(page.tables)
        out.text(page.source)
        out.count(page.chartCount)
        out.count(page.claimCount)
        switch page.storedDetails {
        case .encoded(let encoded): out.blob(encoded.bytes)
        case .decoded(let details):
            var blob = StateByteWriter()
            write(details, to: &blob)
            out.blob(blob.bytes)
        }
    }

    private static func write(_ details: PageDetails, to out: inout StateByteWriter) {
        out.textMap(details.files)
        out.textMap(details.values)
        out.map(details.charts) { $0.table($1) }
        out.textMap(details.tableDigests)
        out.textMap(details.chartTitles)
        out.map(details.claims) { out, claim in
            out.integer(claim.line)
            out.table(claim.operands)
        }
    }

    private static func readPage(_ input: inout StateByteReader) throws(StateByteReader.Malformed) -> BuildState.PageRecord {
        let fingerprint = try input.text()
        let datasets = try input.texts()
        let tables = try input.integer()
        let source = try input.text()
        let charts = try input.count()
        let claims = try input.count()
        let encoded = PageDetails.Encoded(bytes: try input.blob(), chartCount: charts, claimCount: claims)
        return BuildState.PageRecord(fingerprint: fingerprint, datasets: datasets, tables: tables, source: source, encoded: encoded)
    }

    /// A page's details from their blob; nil when the bytes do not hold exactly that.
    static func readDetails(_ bytes: [UInt8]) -> PageDetails? {
        bytes.withUnsafeBufferPointer { buffer in
            var input = StateByteReader(buffer)
            do throws(StateByteReader.Malformed) {
                let details = PageDetails(
                    files: try input.textMap(), values: try input.textMap(),
                    charts: try input.map { input throws(StateByteReader.Malformed) in try input.table() },
                    tableDigests: try input.textMap(), chartTitles: try input.textMap(),
                    claims: try input.map { input throws(StateByteReader.Malformed) in
                        BuildState.ClaimRecord(line: try input.integer(), operands: try input.table())
                    })
                return input.isAtEnd ? details : nil
            } catch {
                return nil
            }
        }
    }

    private static func write(_ record: BuildState.InputRecord, to out: inout StateByteWriter) {
        out.integer(record.size)
        for number in record.stamp.numbers { out.integer(number) }
        out.text(record.hash)
        out.flag(record.article != nil)
        guard let article = record.article else { return }
        let outline = article.outline
        out.text(article.frontMatterHash)
        out.text(outline.path)
        out.text(outline.displayPath)
        out.text(outline.title)
        out.optionalText(outline.navTitle)
        out.optionalText(outline.summary)
        writeDate(outline.date, to: &out)
        writeDate(outline.updated, to: &out)
        out.text(outline.layout)
        out.text(outline.layoutLocation.path)
        out.integer(outline.layoutLocation.line)
        out.integer(outline.layoutLocation.column)
        out.flag(outline.order != nil)
        if let order = outline.order { out.integer(order) }
        out.flag(outline.draft)
    }

    private static func readInput(_ input: inout StateByteReader) throws(StateByteReader.Malformed) -> BuildState.InputRecord {
        let size = try input.integer()
        let stamp = FileStamp(
            inode: try input.integer(), modified: try input.integer(), modifiedNanoseconds: try input.integer(),
            changed: try input.integer(),
            changedNanoseconds: try input.integer())
        var record = BuildState.InputRecord(size: size, stamp: stamp, hash: try input.text(), article: nil)
        guard try input.flag() else { return record }
        let frontMatterHash = try input.text()
        let path = try input.text()
        let displayPath = try input.text()
        let title = try input.text()
        let navTitle = try input.optionalText()
        let summary = try input.optionalText()
        let date = try readDate(&input)
        let updated = try readDate(&input)
        let layout = try input.text()
        let layoutLocation = SourceLocation(path: try input.text(), line: try input.integer(), column: try input.integer())
        let order = try input.flag() ? try input.integer() : nil
        let outline = ArticleOutline(
            path: path, displayPath: displayPath, title: title, navTitle: navTitle, summary: summary, date: date, updated: updated,
            layout: layout, layoutLocation: layoutLocation, order: order, draft: try input.flag())
        record.article = BuildState.ArticleRecord(outline: outline, frontMatterHash: frontMatterHash)
        return record
    }

    private static func writeDate(_ date: ISODate?, to out: inout StateByteWriter) {
        out.flag(date != nil)
        guard let date else { return }
        out.integers([date.year, date.month, date.day])
    }

    private static func readDate(_ input: inout StateByteReader) throws(StateByteReader.Malformed) -> ISODate? {
        guard try input.flag() else { return nil }
        let parts = try input.integers()
        guard parts.count == 3, let date = ISODate(year: parts[0], month: parts[1], day: parts[2]) else {
            throw StateByteReader.Malformed()
        }
        return date
    }
}
