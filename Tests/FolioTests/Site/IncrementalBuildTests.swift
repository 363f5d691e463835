import Folio
import FolioTestSupport
import Foundation
import Testing

/// Random edits, each followed by an incremental build that must equal a clean build byte for byte
/// and must re-render exactly the pages the edit touched; an edit that makes a claim false must fail
/// the build and leave the output as it was.
@Suite struct IncrementalBuildTests {
    /// The project, kept as a model so the test knows what each page is made from.
    struct Model {
        /// What an article shows after its body.
        enum Kind: Equatable {
            case plain
            /// An inline value and a chart of one dataset (`totals` included).
            case dataset(String)
            /// A chart whose own `sql:` reads the `warehouse` database.
            case warehouseQuery
            /// Computed values over alpha and beta, and a claim comparing alpha with gamma (which only the claim reads).
            case claim
            /// A table of `firms`, each cell linking to its firm's page made from data.
            case firms
        }

        /// A row of `firms`, the rows of the template `firms/[firm].md`.
        struct FirmRow: Equatable {
            var firm: String
            var value: Int
        }

        struct Article {
            var kind: Kind
            var layout: String
            var title: String
            var body: String
        }

        /// The derived dataset `totals` adds (or takes the largest of) the values of some tables, per year.
        static let totalsVariants: [(aggregate: String, tables: [String])] = [
            ("sum", ["alpha", "beta"]), ("max", ["alpha", "beta"]), ("sum", ["alpha"]), ("sum", ["beta", "warehouse.sales"]),
            ("max", ["alpha", "warehouse.sales"]),
        ]

        var articles: [String: Article] = [:]
        var datasets: [String: [Int]] = [:]
        /// Which of `totalsVariants` `data/totals.sql` is.
        var totals = 0
        /// Whether the claim says alpha ended at or above gamma (else at or below).
        var claimAtLeast = true
        /// Which fixture `data/warehouse.sqlite` is (1, 2 or 3).
        var warehouse = 1
        /// The theme files the test edits, by path, with their text.
        var theme: [String: String] = [:]
        /// Whether the site has the template `firms/[firm].md`, one page per firm of `firms`.
        var templated = false
        var firmRows: [FirmRow] = []

        /// The template: each firm's page shows its rows.
        static let firmTemplate = """
            ---
            title: "{firm}"
            layout: page
            rows: firms
            ---
            The rows of `=@firm`:

            ```table
            data: firms
            where: {firm: "@firm"}
            columns: [value]
            ```

            """

        /// The firms, in the order their pages are made.
        var firms: [String] {
            var seen: [String] = []
            for row in firmRows where !seen.contains(row.firm) { seen.append(row.firm) }
            return seen
        }

        var firmsCSV: String { "firm,value\n" + firmRows.map { "\($0.firm),\($0.value)\n" }.joined() }

        /// The pages of the site: its articles and, with the template, one page per firm.
        var pageCount: Int { articles.count + (templated ? firms.count : 0) }

        func file(_ name: String) -> String {
            guard let article = articles[name] else { return "" }
            return "---\ntitle: \(article.title)\nlayout: \(article.layout)\n---\n\(article.body)\n" + blocks(article.kind)
        }

        func blocks(_ kind: Kind) -> String {
            switch kind {
            case .plain:
                return ""
            case .dataset(let dataset):
                return """

                    The last value is `=\(dataset).value[last]`.

                    ```chart
                    type: bar
                    data: \(dataset)
                    x: year
                    y: value
                    title: \(dataset) by year
                    ```

                    """
            case .warehouseQuery:
                return """

                    ```chart
                    type: bar
                    sql: |
                      SELECT year, value FROM warehouse.sales ORDER BY year
                    x: year
                    y: value
                    title: Sales
                    ```

                    """
            case .claim:
                return """

                    Alpha adds up to `=sum(alpha.value)`, `=sum(alpha.value) / sum(beta.value)|multiple:2` beta's total; \
                    its mean is `=mean(alpha.value)|number:1`.

                    ```claim
                    text: \(claimText)
                    holds: alpha.value[last] \(claimAtLeast ? ">=" : "<=") gamma.value[last]
                    ```

                    """
            case .firms:
                return """

                    ```table
                    data: firms
                    columns: [{key: firm, link: "firms/[firm].md"}, value]
                    ```

                    """
            }
        }

        func csv(_ name: String) -> String {
            "year,value\n" + (datasets[name] ?? []).enumerated().map { "\(2020 + $0.offset),\($0.element)" }.joined(separator: "\n") + "\n"
        }

        var totalsSQL: String {
            let variant = Self.totalsVariants[totals]
            let union = variant.tables.map { "SELECT year, value FROM \($0)" }.joined(separator: " UNION ALL ")
            return "SELECT year, \(variant.aggregate)(value) AS value FROM (\(union)) GROUP BY year ORDER BY year\n"
        }

        /// The datasets and databases an article reads.
        static func reads(_ kind: Kind) -> [String] {
            switch kind {
            case .plain: return []
            case .dataset(let dataset): return [dataset]
            case .warehouseQuery: return ["warehouse"]
            case .claim: return ["alpha", "beta", "gamma"]
            case .firms: return ["firms"]
            }
        }

        /// What a dataset is made from: its rows, or a query's text and everything it reads.
        func contents(of dataset: String) -> [String] {
            switch dataset {
            case "totals":
                let reads = Self.totalsVariants[totals].tables.map { String($0.prefix { $0 != "." }) }
                return [totalsSQL] + reads.flatMap { [$0] + contents(of: $0) }
            case "warehouse": return ["warehouse-\(warehouse)"]
            case "firms": return [firmsCSV]
            default: return [csv(dataset)]
            }
        }

        /// Everything page `name` is made from: its file, every article's front matter (navigation), its layout,
        /// the footer and what it reads. Nil when there is no such page.
        func inputs(of name: String) -> [String]? {
            guard let article = articles[name] else { return nil }
            let templates = ["Templates/layouts/\(article.layout).mustache", "Templates/partials/footer.mustache"].map { theme[$0] ?? "" }
            return [file(name)] + frontMatter + templates + Self.reads(article.kind).flatMap { [$0] + contents(of: $0) }
        }

        /// Every page's front matter (navigation, links, the firms' pages and their titles).
        var frontMatter: [String] {
            articles.keys.sorted().map { "\($0) \(articles[$0]?.title ?? "") \(articles[$0]?.layout ?? "")" } + firms
        }

        /// Everything the page of `firm` is made from: the template, every page's front matter, its
        /// layout, the footer and its own rows (its table shows no other). Nil when there is no such page.
        func inputs(ofFirm firm: String) -> [String]? {
            guard templated, firms.contains(firm) else { return nil }
            let templates = ["Templates/layouts/page.mustache", "Templates/partials/footer.mustache"].map { theme[$0] ?? "" }
            return [Self.firmTemplate] + frontMatter + templates + firmRows.filter { $0.firm == firm }.map { "\($0.value)" }
        }

        /// How many firms' pages a build must render when `earlier` was the last one that succeeded.
        func firmPagesChanged(since earlier: Model) -> Int {
            firms.filter { inputs(ofFirm: $0) != earlier.inputs(ofFirm: $0) }.count
        }

        /// The pages a build must render when `earlier` was the last one that succeeded.
        /// The derived datasets a build after `earlier` must run again: those whose query or inputs changed.
        func queriesRun(since earlier: Model) -> [String] {
            contents(of: "totals") != earlier.contents(of: "totals") ? ["totals"] : []
        }

        func pagesChanged(since earlier: Model) -> Set<String> {
            let firmPages = firms.contains { inputs(ofFirm: $0) != earlier.inputs(ofFirm: $0) } ? ["Content/firms/[firm].md"] : []
            return Set(articles.keys.filter { inputs(of: $0) != earlier.inputs(of: $0) }.map { "Content/\($0).md" } + firmPages)
        }

        /// Whether alpha's last value is at least (or at most) gamma's, as the claim says; true when no article makes it.
        var claimHolds: Bool {
            guard articles.values.contains(where: { $0.kind == .claim }), let alpha = datasets["alpha"]?.last,
                let gamma = datasets["gamma"]?.last
            else { return true }
            return claimAtLeast ? alpha >= gamma : alpha <= gamma
        }

        /// The claim's text, as its error quotes it.
        var claimText: String { "Alpha ended at or \(claimAtLeast ? "above" : "below") gamma" }

        /// The claim's operands as the change report writes them, with their values.
        var claimOperands: [(written: String, value: Int)] {
            ["alpha", "gamma"].map { ("\($0).value[last]", datasets[$0]?.last ?? 0) }
        }

        /// The change report's line for the claim when an operand moved since `earlier` (a claim whose
        /// text changed is a new claim, with nothing to compare).
        func claimChange(since earlier: Model) -> [String] {
            guard let location = claimLocation, earlier.claimLocation != nil, earlier.claimText == claimText else { return [] }
            let moved = zip(earlier.claimOperands, claimOperands).filter { $0.value != $1.value }
            guard !moved.isEmpty else { return [] }
            let operands = moved.map { "\($1.written) \($0.value) \u{2192} \($1.value)" }.joined(separator: "; ")
            return ["\(location.path):\(location.line): claim \"\(claimText)\": " + operands]
        }

        /// Where the claim's block starts, where a claim that does not hold is reported.
        var claimLocation: SourceLocation? {
            guard let name = articles.first(where: { $0.value.kind == .claim })?.key,
                let line = file(name).split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "```claim")
            else { return nil }
            return SourceLocation(path: "Content/\(name).md", line: line + 1, column: 1)
        }
    }

    /// `data/warehouse.sqlite` version 1, 2 or 3, each made with Python's sqlite3 as
    /// `CREATE TABLE sales (year INTEGER, value INTEGER)` holding (2020, 40), (2021, 45) | (2020, 40), (2021, 52) |
    /// (2020, 40), (2021, 52), (2022, 61).
    static func warehouse(_ version: Int) throws -> [UInt8] {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        return try Array(Data(contentsOf: fixtures.appendingPathComponent("warehouse-\(version).sqlite")))
    }

    /// Writes the files whose contents differ from the model's, and returns their paths.
    @discardableResult
    func write(_ model: Model, to site: SiteFixture) throws -> Set<String> {
        var files: [String: [UInt8]] = [
            "Content/data/totals.sql": Array(model.totalsSQL.utf8), "Content/data/warehouse.sqlite": try Self.warehouse(model.warehouse),
        ]
        for name in model.articles.keys { files["Content/\(name).md"] = Array(model.file(name).utf8) }
        for name in model.datasets.keys { files["Content/data/\(name).csv"] = Array(model.csv(name).utf8) }
        for (path, text) in model.theme { files[path] = Array(text.utf8) }
        if model.templated {
            files["Content/data/firms.csv"] = Array(model.firmsCSV.utf8)
            files["Content/firms/[firm].md"] = Array(Model.firmTemplate.utf8)
        }
        var written = Set<String>()
        for (path, bytes) in files where FileManager.default.contents(atPath: site.root.appendingPathComponent(path).path) != Data(bytes) {
            try site.write(path, bytes)
            written.insert(path)
        }
        return written
    }

    /// A random value of `values` other than `current`.
    func another(than current: Int, in values: Range<Int>, using random: inout SeededGenerator) -> Int {
        values.filter { $0 != current }.randomElement(using: &random) ?? current
    }

    /// A clean build of the same inputs, in a fresh folder.
    func cleanBuild(of site: SiteFixture) throws -> [String: [UInt8]] {
        try cleanBuildWithSummary(of: site).tree
    }

    /// A clean build of the same inputs and its summary, without the pages rendered and the change report
    /// (which only an incremental build has).
    func cleanBuildWithSummary(of site: SiteFixture) throws -> (tree: [String: [UInt8]], summary: BuildSummary) {
        let clean = try SiteFixture("", theme: false)
        defer { clean.remove() }
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: site.root.appendingPathComponent(folder), to: clean.root.appendingPathComponent(folder))
        }
        var summary = try clean.build()
        (summary.rendered, summary.changes) = ([], [])
        return (clean.tree(), summary)
    }

    /// Each edit changes the model, then the files; a build must then render exactly the pages whose inputs
    /// changed since the last build that succeeded, or, while the claim does not hold, fail at the claim and
    /// leave the output as it was. Seeds past 4 add pages made from data, whose rows the edits add, edit and remove.
    @Test(arguments: [1 as UInt64, 2, 3, 4, 5, 6])
    func randomEditsMatchACleanBuildAndRenderOnlyWhatChanged(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        var model = Model()
        model.datasets = ["alpha": [30, 50, 60], "beta": [10, 20], "gamma": [5]]
        model.articles["index"] = Model.Article(kind: .plain, layout: "page", title: "Home", body: "The front page.")
        var kinds: [Model.Kind] = [
            .dataset("alpha"), .dataset("beta"), .dataset("gamma"), .dataset("alpha"), .plain, .dataset("totals"), .warehouseQuery, .claim,
        ]
        let firmNames = ["North", "South", "East", "West"]
        if seed > 4 {
            model.templated = true
            model.firmRows = [
                Model.FirmRow(firm: "North", value: 10), Model.FirmRow(firm: "South", value: 20), Model.FirmRow(firm: "North", value: 30),
            ]
            kinds.append(.firms)
        }
        for (number, kind) in kinds.enumerated() {
            model.articles["a\(number)"] = Model.Article(
                kind: kind, layout: number.isMultiple(of: 2) ? "page" : "wide", title: "Article \(number)", body: "Body \(number).")
        }
        let site = try SiteFixture("-- Content/site.yml --\ntitle: Incremental\n")
        defer { site.remove() }
        model.theme = [
            "Templates/layouts/wide.mustache":
                site.read("Templates/layouts/page.mustache").replacingOccurrences(of: "class=\"article", with: "class=\"wide article"),
            "Templates/partials/footer.mustache": site.read("Templates/partials/footer.mustache"),
        ]
        try write(model, to: site)
        Thread.sleep(forTimeInterval: 0.12)
        let first = try site.build()
        #expect(first.rendered.count == model.pageCount)
        #expect(try site.build().rendered == [], "a no-op build rendered pages")

        var built = model
        var (failed, recovered, failing) = (0, 0, false)
        // Articles written since the last good build: the only ones a build may read, once every
        // other has settled (`ProjectReader.settleNanoseconds`) before the build that recorded it.
        var articlesWritten = Set<String>()
        var filesWritten = Set<String>()
        var bodyEditBuilds = 0
        var dataEditBuilds = 0
        var nextArticle = 10
        var rowEdits = 0
        // Step -1 edits one body, whatever the seed, so each run has a build after body edits alone.
        for step in -1..<24 {
            let articleNames = model.articles.keys.filter { $0 != "index" }.sorted()
            // The articles on totals, the warehouse and the claim stay, so every run keeps editing what they read.
            let kept: [Model.Kind] = [.dataset("totals"), .warehouseQuery, .claim, .firms]
            let removable = articleNames.filter { !kept.contains(model.articles[$0]?.kind ?? .plain) }
            switch step < 0 ? 0 : Int.random(in: 0..<(model.templated ? 14 : 11), using: &random) {
            case 0:
                let name = step < 0 ? "a4" : articleNames.randomElement(using: &random) ?? "a0"
                model.articles[name]?.body += " More \(step)."
            case 1:
                let dataset = ["alpha", "beta", "gamma"].randomElement(using: &random) ?? "alpha"
                model.datasets[dataset]?.append(Int.random(in: 1...99, using: &random))
            case 2:
                model.articles["a\(nextArticle)"] = Model.Article(
                    kind: .plain, layout: "page", title: "Article \(nextArticle)", body: "New.")
                nextArticle += 1
            case 3 where removable.count > 2:
                let name = removable.randomElement(using: &random) ?? "a0"
                model.articles[name] = nil
                try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/\(name).md"))
            case 4:
                model.theme["Templates/layouts/wide.mustache", default: ""] += "<!-- edit \(step) -->\n"
            case 5:
                let name = articleNames.randomElement(using: &random) ?? "a0"
                model.articles[name]?.title += " (revised)"
            case 6:
                model.totals = another(than: model.totals, in: Model.totalsVariants.indices, using: &random)
            case 7:
                model.warehouse = another(than: model.warehouse, in: 1..<4, using: &random)
            case 8:
                // A correction to alpha's or gamma's latest value, which may make the claim false, or true again.
                let dataset = ["alpha", "gamma"].randomElement(using: &random) ?? "alpha"
                let last = (model.datasets[dataset]?.count ?? 1) - 1
                model.datasets[dataset]?[last] = Int.random(in: 1...99, using: &random)
            case 9:
                // The author turns the claim around, which makes it false, or true again (unless the values are equal).
                model.claimAtLeast.toggle()
            case 11:
                // A row for a firm that may have a page already, or a new firm and its page.
                let firm = firmNames.randomElement(using: &random) ?? "North"
                model.firmRows.append(Model.FirmRow(firm: firm, value: Int.random(in: 1...99, using: &random)))
                rowEdits += 1
            case 12:
                let row = Int.random(in: model.firmRows.indices, using: &random)
                model.firmRows[row].value = another(than: model.firmRows[row].value, in: 1..<100, using: &random)
                rowEdits += 1
            case 13 where model.firmRows.count > 1:
                // Removing a firm's last row removes its page.
                model.firmRows.remove(at: Int.random(in: model.firmRows.indices, using: &random))
                rowEdits += 1
            default:
                model.theme["Templates/partials/footer.mustache", default: ""] += "<!-- footer \(step) -->\n"
            }
            let written = try write(model, to: site)
            articlesWritten.formUnion(written.filter { $0.hasSuffix(".md") })
            filesWritten.formUnion(written)
            Thread.sleep(forTimeInterval: 0.12)
            guard model.claimHolds else {
                let before = site.tree()
                let errors = site.errors()
                #expect(errors.map(\.location) == [model.claimLocation], "seed \(seed) step \(step)")
                #expect(
                    errors.allSatisfy { $0.message.hasPrefix("claim does not hold: \"\(model.claimText)\"") }, "seed \(seed) step \(step)")
                #expect(differences(site.tree(), before) == [], "a failed build changed the output: seed \(seed) step \(step)")
                failed += 1
                failing = true
                continue
            }
            var summary = try site.build()
            #expect(Set(summary.rendered) == model.pagesChanged(since: built), "seed \(seed) step \(step)")
            #expect(
                summary.rendered.filter { $0 == "Content/firms/[firm].md" }.count == model.firmPagesChanged(since: built),
                "seed \(seed) step \(step): the firms' pages rendered")
            #expect(summary.articlesRead == articlesWritten.count, "seed \(seed) step \(step): \(articlesWritten.sorted())")
            // Edits to bodies alone examine only the edited pages; edits to bodies and data, those and the
            // pages whose datasets moved (every one of which renders); anything else, every page.
            let frontMatter = { (model: Model) in model.articles.mapValues { [$0.title, $0.layout] } }
            let sameFiles = frontMatter(model) == frontMatter(built)
            let bodiesOnly = filesWritten == articlesWritten && sameFiles && !filesWritten.isEmpty
            let bodiesAndData = sameFiles && filesWritten.allSatisfy { $0.hasSuffix(".md") || $0.hasPrefix("Content/data/") }
            let editedPages = Set(articlesWritten.map { String($0.dropFirst("Content/".count)) })
            if model.templated {
                // Pages made from data depend on their rows in ways a build after body edits does not follow.
                #expect(summary.pagesExamined == model.pageCount, "seed \(seed) step \(step)")
            } else if bodiesOnly {
                #expect(summary.pagesExamined == articlesWritten.count, "seed \(seed) step \(step)")
                bodyEditBuilds += 1
            } else if bodiesAndData {
                let examinedAtMost = editedPages.union(summary.rendered.map { String($0.dropFirst("Content/".count)) }).count
                #expect(
                    summary.pagesExamined >= summary.rendered.count && summary.pagesExamined <= examinedAtMost, "seed \(seed) step \(step)")
                #expect(
                    summary.pagesExamined < model.articles.count || summary.rendered.count == model.articles.count,
                    "seed \(seed) step \(step)")
                dataEditBuilds += 1
            } else {
                #expect(summary.pagesExamined == model.articles.count, "seed \(seed) step \(step)")
            }
            articlesWritten = []
            filesWritten = []
            let clean = try cleanBuildWithSummary(of: site)
            #expect(differences(site.tree(), clean.tree) == [], "seed \(seed) step \(step)")
            let claimLines = summary.changes.filter { $0.contains(": claim \"") }
            #expect(claimLines == model.claimChange(since: built), "seed \(seed) step \(step)")
            #expect(summary.queriesRun == model.queriesRun(since: built), "seed \(seed) step \(step)")
            (summary.rendered, summary.changes, summary.queriesRun, summary.articlesRead, summary.pagesExamined) = ([], [], [], 0, 0)
            var cleanCounts = clean.summary
            (cleanCounts.articlesRead, cleanCounts.pagesExamined) = (0, 0)
            cleanCounts.queriesRun = []  // a clean build runs every query
            #expect(summary == cleanCounts, "the counts of pages, charts, tables, files and claims: seed \(seed) step \(step)")
            if failing { recovered += 1 }
            failing = false
            built = model
        }
        #expect(failed > 0 && recovered > 0, "seed \(seed) never made the claim false and then true again")
        #expect(!model.templated || rowEdits >= 3, "seed \(seed) edited the rows of the pages made from data \(rowEdits) times")
        #expect(model.templated || bodyEditBuilds > 0, "seed \(seed) never edited bodies alone")
        #expect(model.templated || dataEditBuilds > 0, "seed \(seed) never edited bodies and data alone")
    }

    /// A file changed just before a build may change again within the clock's tick without a new
    /// `stat`, so the next build reads it again rather than trust the record; the rest stay known.
    @Test func anArticleEditedJustBeforeABuildIsReadAgainByTheNext() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        Thread.sleep(forTimeInterval: 0.12)
        try site.build()
        Thread.sleep(forTimeInterval: 0.12)
        try site.write("Content/debt.md", site.read("Content/debt.md") + "More on debt.\n")
        let edited = try site.build()  // debt.md changed within the settle window of this build's listing
        #expect(edited.articlesRead == 1 && edited.pagesExamined == 1)
        Thread.sleep(forTimeInterval: 0.12)
        try site.write("Content/analysis/ipo.md", site.read("Content/analysis/ipo.md") + "More on the IPO.\n")
        let next = try site.build()
        #expect(next.articlesRead == 2, "debt.md is read again, with the newly edited ipo.md")
        #expect(next.pagesExamined == 2, "a build after body edits alone examines the two, not every page")
        #expect(Set(next.rendered) == ["Content/analysis/ipo.md"])
        #expect(site.read("Output/debt.html").contains("More on debt."))
        #expect(site.read("Output/analysis/ipo.html").contains("More on the IPO."))
    }

    @Test func aNoOpBuildWritesNothingAndDoesNotSwapTheOutput() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        try site.build()
        let marker = site.root.appendingPathComponent("Output/.folio-build")
        let before = try FileManager.default.attributesOfItem(atPath: marker.path)
        let inode = before[.systemFileNumber] as? Int
        let folder =
            try FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent("Output").path)[.systemFileNumber] as? Int
        let summary = try site.build()
        #expect(summary.rendered == [])
        #expect(try FileManager.default.attributesOfItem(atPath: marker.path)[.systemFileNumber] as? Int == inode)
        #expect(
            try FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent("Output").path)[.systemFileNumber] as? Int
                == folder)
    }

    @Test func theChangeReportNamesThePageTheDatasetAndOldAndNewValues() throws {
        let site = try SiteFixture(GoldenSiteTests.site)
        defer { site.remove() }
        try site.build()
        try site.write("Content/data/fin.csv", site.read("Content/data/fin.csv").replacingOccurrences(of: "-863.4", with: "-1210"))
        let summary = try site.build()
        #expect(summary.rendered == ["Content/detail.md", "Content/index.md"])
        #expect(
            summary.changes == [
                "Content/detail.md: table 1 (fin) changed",
                "Content/index.md: chart 'Losses grew faster than revenue' (fin) Net loss [2024] \u{2212}$863M \u{2192} \u{2212}$1.21B",
                "Content/index.md: fin.net_loss_usd_m[last]|usd_m \u{2212}$863M \u{2192} \u{2212}$1.21B",
            ])
        try site.write("Content/extra.md", "---\ntitle: Extra\n---\nNew page.\n")
        #expect(try site.build().changes == ["Content/extra.md: page added (extra.html)"])
    }

    @Test func aStateThatCannotBeSavedIsAWarningAndTheSiteIsStillBuilt() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        // A regular file where the state folder goes: the site can be written, its state cannot.
        try site.write(".folio", "not a folder\n")
        let first = try site.build()
        #expect(
            first.warnings == [
                "could not save the build state at .folio/Output.state: Not a directory; the next build renders every page again"
            ])
        #expect(differences(site.tree(), try cleanBuild(of: site)) == [])
        #expect(site.read(".folio") == "not a folder\n")

        // Without a state, the next build renders every page again, and says so again.
        let second = try site.build()
        #expect(second.rendered.count == second.pages && second.pages == 3)
        #expect(second.warnings == first.warnings)

        // Once the state can be saved, there is no warning and the build after it reuses every page.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".folio"))
        #expect(try site.build().warnings == [])
        let fourth = try site.build()
        #expect(fourth.rendered == [] && fourth.warnings == [])
    }

    @Test func theStateWarningNamesTheStateFileBesideANestedOutput() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        try site.write("public/.folio", "not a folder\n")
        let summary = try Build.run(ProjectLayout(output: "public/site", base: site.root))
        #expect(
            summary.warnings == [
                "could not save the build state at public/.folio/site.state: Not a directory; the next build renders every page again"
            ])
        #expect(site.read("public/site/index.html").contains("href=\"analysis/ipo.html#pricing\""))
    }

    @Test func aRemovedArticleMakesLinksToItErrors() throws {
        let site = try SiteFixture(smallSite)
        defer { site.remove() }
        try site.build()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/debt.md"))
        let errors = site.errors()
        #expect(errors.map(\.location.path) == ["Content/analysis/ipo.md", "Content/index.md"])
        #expect(site.tree()["debt.html"] != nil, "a failed build must leave the previous output")
    }
}
