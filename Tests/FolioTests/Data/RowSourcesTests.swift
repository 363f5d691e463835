import FolioCore
import FolioData
import Testing

/// `source_column:` as a mapping: each value column cites through its own id column.
@Suite struct RowSourcesTests {
    static let files = [
        "plans.csv": "company,plan_usd_b,actual_usd_b,plan_id,actual_id\nMeta,65,72,p1,a1\nMicrosoft,80,88,p2,\n",
        "plans.meta.yml":
            "source: {title: Press coverage}\nsource_column: {plan_usd_b: plan_id, actual_usd_b: actual_id}\nsources: refs\n",
        "refs.csv": "id,title,url,date\np1,Meta Q4 call,,2025-01-29\np2,Microsoft blog,,2025-01-03\na1,Meta 10-K,,2026-02-01\n",
    ]

    func library(_ files: [String: String] = Self.files) throws(Diagnostics) -> DatasetLibrary {
        try DatasetLibrary(files: files.map { DatasetFile(name: $0.key, bytes: Array($0.value.utf8)) }, basePath: "Content/data")
    }

    @Test func eachValueColumnCitesThroughItsOwnIDColumn() throws {
        let library = try library()
        let plans = try #require(library["plans"])
        let titles = { (columns: [String]) in library.citedSources(of: plans, rows: plans.rows, columns: columns)?.map(\.title) }
        #expect(titles(["plan_usd_b"]) == ["Meta Q4 call", "Microsoft blog"])
        // Microsoft's actual has no id: it cites the sidecar's source.
        #expect(titles(["actual_usd_b"]) == ["Meta 10-K", "Press coverage"])
        #expect(titles(["plan_usd_b", "actual_usd_b"]) == ["Meta Q4 call", "Meta 10-K", "Microsoft blog", "Press coverage"])
        #expect(library.citedSources(of: try #require(library["refs"]), rows: [], columns: ["title"]) == nil)
    }

    @Test func anIDColumnTheDatasetLacksIsAnErrorAtTheSidecar() throws {
        var files = Self.files
        files["plans.meta.yml"] = "source_column: {plan_usd_b: plan_ref}\nsources: refs\n"
        let error = #expect(throws: Diagnostics.self) { try library(files) }
        #expect(error?.all.map(\.location) == [SourceLocation(path: "Content/data/plans.meta.yml", line: 1, column: 16)])
    }
}
