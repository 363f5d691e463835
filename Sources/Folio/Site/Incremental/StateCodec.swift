import FolioContent
import FolioCore

/// The state file: `BuildState` in `StateBytes`' encoding, behind a magic line and the version.
/// Anything it cannot read (another version, a truncated file) decodes to nil: the next build is
/// then a full one.
enum StateCodec {
    static let magic = Array("folio build state\n".utf8)

    static func encode(_ state: BuildState) -> [UInt8] {
        var out = StateByteWriter()
        out.count(state.version)
        out.text(state.buildID)
        out.optionalText(state.inputStamp)
        out.textMap(state.outputs)
        out.map(state.pages) { out, page in write(page, to: &out) }
        out.map(state.derived) { out, record in
            out.text(record.fingerprint)
            out.texts(record.reads)
            out.table(record.columns)
            out.table(record.rows)
        }
        out.map(state.inputs) { out, input in write(input, to: &out) }
        out.flag(state.spare != nil)
        if let spare = state.spare {
            out.text(spare.buildID)
            out.textMap(spare.differences)
        }
        return magic + out.bytes
    }

    static func decode(_ bytes: [UInt8]) -> BuildState? {
        var input = StateByteReader(bytes)
        do throws(StateByteReader.Malformed) {
            try input.expect(magic)
            guard try input.count() == BuildState.version else { return nil }
            let buildID = try input.text()
            let stamp = try input.optionalText()
            var state = BuildState(buildID: buildID, outputs: try input.textMap(), pages: try input.map(readPage))
            state.inputStamp = stamp
            state.derived = try input.map { input throws(StateByteReader.Malformed) in
                BuildState.DerivedRecord(
                    fingerprint: try input.text(), reads: try input.texts(), columns: try input.table(), rows: try input.table())
            }
            state.inputs = try input.map(readInput)
            if try input.flag() {
                state.spare = BuildState.SpareTree(buildID: try input.text(), differences: try input.textMap())
            }
            return input.isAtEnd ? state : nil
        } catch {
            return nil
        }
    }

    private static func write(_ page: BuildState.PageRecord, to out: inout StateByteWriter) {
        out.text(page.fingerprint)
        out.texts(page.datasets)
        out.textMap(page.files)
        out.textMap(page.values)
        out.map(page.charts) { $0.table($1) }
        out.integer(page.tables)
        out.textMap(page.tableDigests)
        out.textMap(page.chartTitles)
        out.text(page.source)
        out.map(page.claims) { out, claim in
            out.integer(claim.line)
            out.table(claim.operands)
        }
    }

    private static func readPage(_ input: inout StateByteReader) throws(StateByteReader.Malformed) -> BuildState.PageRecord {
        BuildState.PageRecord(
            fingerprint: try input.text(), datasets: try input.texts(), files: try input.textMap(), values: try input.textMap(),
            charts: try input.map { input throws(StateByteReader.Malformed) in try input.table() }, tables: try input.integer(),
            tableDigests: try input.textMap(), chartTitles: try input.textMap(), source: try input.text(),
            claims: try input.map { input throws(StateByteReader.Malformed) in
                BuildState.ClaimRecord(line: try input.integer(), operands: try input.table())
            })
    }

    private static func write(_ record: BuildState.InputRecord, to out: inout StateByteWriter) {
        out.integer(record.size)
        out.integers(record.stamp)
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
        out.optionalText(outline.date?.description)
        out.optionalText(outline.updated?.description)
        out.text(outline.layout)
        out.text(outline.layoutLocation.path)
        out.integer(outline.layoutLocation.line)
        out.integer(outline.layoutLocation.column)
        out.flag(outline.order != nil)
        if let order = outline.order { out.integer(order) }
        out.flag(outline.draft)
    }

    private static func readInput(_ input: inout StateByteReader) throws(StateByteReader.Malformed) -> BuildState.InputRecord {
        var record = BuildState.InputRecord(size: try input.integer(), stamp: try input.integers(), hash: try input.text(), article: nil)
        guard try input.flag() else { return record }
        let frontMatterHash = try input.text()
        let path = try input.text()
        let displayPath = try input.text()
        let title = try input.text()
        let navTitle = try input.optionalText()
        let summary = try input.optionalText()
        let date = try input.optionalText()
        let updated = try input.optionalText()
        let layout = try input.text()
        let layoutLocation = SourceLocation(path: try input.text(), line: try input.integer(), column: try input.integer())
        let order = try input.flag() ? try input.integer() : nil
        let outline = ArticleOutline(
            path: path, displayPath: displayPath, title: title, navTitle: navTitle, summary: summary, date: try isoDate(date),
            updated: try isoDate(updated), layout: layout, layoutLocation: layoutLocation, order: order, draft: try input.flag())
        record.article = BuildState.ArticleRecord(outline: outline, frontMatterHash: frontMatterHash)
        return record
    }

    private static func isoDate(_ text: String?) throws(StateByteReader.Malformed) -> ISODate? {
        guard let text else { return nil }
        guard let date = ISODate(text) else { throw StateByteReader.Malformed() }
        return date
    }
}
