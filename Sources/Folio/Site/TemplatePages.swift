import FolioBlocks
import FolioContent
import FolioCore
import FolioData
import FolioYAML

/// Pages from data (SPEC §2): `Content/companies/[company].md` with `rows:` is the template of
/// one page per distinct value of `company`, at `companies/SLUG.html`.
enum TemplatePages {
    /// The front-matter keys a template reads itself; they are not placeholders' strings nor `page.params`.
    static let keys: Set<String> = ["rows", "where"]

    /// The column a template's file name gives (`company` for `companies/[company].md`); nil for any other article.
    static func column(of path: String) -> String? {
        let name = path.split(separator: "/").last ?? Substring(path)
        guard name.hasPrefix("["), name.hasSuffix("].md"), name.count > "[].md".count else { return nil }
        return String(name.dropFirst().dropLast("].md".count))
    }

    /// Whether a path links to one page of a template (`companies/[company=Meta].md`).
    /// The value may hold `/` (`<b>Co</b>`): the page's name starts at the folder's first `[`.
    static func isRowLink(_ path: String) -> Bool {
        guard path.hasSuffix("].md") else { return false }
        let name = path.hasPrefix("[") ? Substring(path) : path.range(of: "/[").map { path[$0.upperBound...] } ?? ""
        return name.contains("=")
    }

    /// The link path of each page made from data (`companies/[company=Meta].md`) → its page's path.
    static func rowPages(_ pages: [Page]) -> [String: String] {
        var links: [String: String] = [:]
        links.reserveCapacity(pages.count)
        for page in pages {
            guard let bindings = page.bindings else { continue }
            // The page is in its template's folder as built (`zh/companies/` for `companies/[company].zh.md`).
            let path = page.article.path
            let folder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { Substring(path.utf8[...$0]) } ?? ""
            links[folder + "[" + bindings.column + "=" + bindings.value + "].md"] = path
        }
        return links
    }

    /// The hash of each page's own rows (`RowBindings.ownRows`): every row of its dataset with its
    /// value, with the hash of the dataset's other files (`files`: the snapshot's data files by path).
    /// The pages of a numeric column, whose values match in more ways than as written, take the whole dataset's `hashes`.
    static func ownRowHashes(
        _ pages: [Page], datasets: DatasetLibrary, files: [String: [UInt8]], hashes: [String: String]
    ) -> [String: String] {
        var groups: [String: Set<String>] = [:]
        for page in pages {
            guard let bindings = page.bindings else { continue }
            groups[bindings.dataset, default: []].insert(bindings.column)
        }
        var result: [String: String] = [:]
        for (name, columns) in groups {
            guard let dataset = datasets[name] else { continue }
            let sidecar = ContentHash.of(files["data/\(name).meta.yml"] ?? [])
            for column in columns {
                guard let index = dataset.columnIndex(named: column) else { continue }
                let whole = dataset.columns[index].isNumeric ? hashes[name] : nil
                var rows: [String: [String]] = [:]
                for row in dataset.rows {
                    rows[row.cells[index].text, default: [InputHashes.rendererVersion, sidecar]] += row.cells.map(\.text)
                }
                let values = Array(rows)
                var none = DiagnosticCollector()
                // One hash per value, on every core: a dataset of 10,000 pages' rows hashes 10,000 times.
                let digests =
                    whole.map { Array(repeating: $0, count: values.count) }
                    ?? ParallelWork.map(values, jobs: nil, problems: &none) { ContentHash.combine($0.value) }
                for ((value, _), digest) in zip(values, digests) {
                    result[RowBindings.ownRows(dataset: name, column: column, value: value)] = digest
                }
            }
        }
        return result
    }

    /// Every field of a page's outline as text, for its front-matter hash: the filled front matter is
    /// the page's own (`String(describing:)` gave the same, by reflection, at 0.1 ms a page).
    static func fields(of outline: ArticleOutline) -> [String] {
        func optional(_ text: String?) -> String { text.map { "+" + $0 } ?? "-" }
        return [
            outline.path, outline.displayPath, outline.title, optional(outline.navTitle), optional(outline.summary),
            optional(outline.date?.description), optional(outline.updated?.description), outline.layout,
            outline.layoutLocation.description, optional(outline.order.map(String.init)), outline.draft ? "draft" : "",
        ]
    }

    /// The pages a template makes, each with its front matter's placeholders filled; the file is
    /// read again (its record may hold only the outline).
    /// `jobs`: the threads that fill and read the pages' front matter (nil: one per core).
    static func expand(_ template: LoadedArticle, datasets: DatasetLibrary, jobs: Int? = nil) throws(Diagnostics) -> [Page] {
        guard let column = column(of: template.article.path) else { return [] }
        let displayPath = template.file.displayPath
        let (split, yaml) = try ArticleReader.frontMatter(try template.readAgain(), displayPath: displayPath)
        guard let rows = yaml?["rows"] else {
            throw Diagnostics([
                Diagnostic(at: SourceLocation(path: displayPath, line: 2, column: 1), RowPageIssue.missingRows(column: column))
            ])
        }
        guard let name = rows.nonNullText else { throw Diagnostics([Diagnostic(at: rows.location, RowPageIssue.rowsNotADataset)]) }
        let conditions: [RowCondition]
        do throws(Diagnostic) {
            conditions = try yaml?["where"].map(TemplateRows.conditions) ?? []
        } catch {
            throw Diagnostics([error])
        }
        let folder = String(template.article.path.dropLast(template.article.path.split(separator: "/").last?.count ?? 0))
        let made = try TemplateRows.pages(
            rows: name, at: rows.location, column: column, where: conditions, folder: folder, library: datasets)
        // Each page's front matter is filled and read on its own, on every core as articles are loaded.
        return try ParallelWork.map(made, jobs: jobs) { one throws(Diagnostics) in
            let bindings = one.bindings
            let filled = try FrontMatterPlaceholders.fill(yaml, skipping: keys) { (column, at) throws(Diagnostic) in
                try bindings.value(of: column, at: at)
            }
            var article = try ArticleReader.read(filled, split: split, path: folder + one.slug + ".md", displayPath: displayPath)
            article.params.removeAll { keys.contains($0.key) }
            let outline = ContentHash.combine([template.frontMatterHash] + fields(of: article.outline))
            let loaded = LoadedArticle(article: article, file: template.file, hash: template.hash, frontMatterHash: outline, isWhole: true)
            return Page(loaded: loaded, bindings: bindings)
        }
    }
}
