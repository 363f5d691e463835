import FolioCore
import FolioData
import FolioQuery
import Foundation
import Testing

/// `data/NAME.sqlite|db`: opened read-only, its tables read as `NAME.TABLE`, never a dataset itself.
@Suite struct DatabaseTests {
    static let capex = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/capex.sqlite")

    func derive(_ files: [String: [UInt8]]) throws -> DerivedDatasets.Result {
        try DerivedDatasets.build(
            DatasetLibrary(files: files.map { DatasetFile(name: $0.key, bytes: $0.value) }, basePath: "Content/data"))
    }

    func errors(_ files: [String: [UInt8]]) -> [Diagnostic] {
        do {
            _ = try derive(files)
            return []
        } catch let error as Diagnostics {
            return error.all
        } catch {
            return [Diagnostic(at: SourceLocation(path: "?"), message: "\(error)")]
        }
    }

    @Test func queriesReadADatabasesTablesAndViews() throws {
        let bytes = try Array(Data(contentsOf: Self.capex))
        let result = try derive([
            "capex.sqlite": bytes,
            "plans.sql": Array(
                "SELECT p.company, p.high_usd_b FROM capex.plans AS p JOIN capex.big USING (company) ORDER BY p.high_usd_b DESC".utf8),
        ])
        let plans = try #require(result.library["plans"])
        #expect(plans.rows.map { $0.cells.map(\.text) } == [["Microsoft", "80"], ["Alphabet", "75"]])
        #expect(result.reads == ["plans": ["capex"]])
        #expect(result.library["capex"] == nil)
    }

    @Test func aDatabaseCannotBeWrittenThrough() throws {
        let bytes = try Array(Data(contentsOf: Self.capex))
        let found = errors(["capex.sqlite": bytes, "w.sql": Array("DELETE FROM capex.plans".utf8)])
        #expect(found.map(\.message) == [QueryIssue.refused("DELETE from plans").message])
    }

    @Test func anUnknownTableOfADatabaseListsItsTables() throws {
        let bytes = try Array(Data(contentsOf: Self.capex))
        let found = errors(["capex.sqlite": bytes, "w.sql": Array("SELECT * FROM capex.plan".utf8)])
        #expect(
            found == [
                Diagnostic(
                    at: SourceLocation(path: "Content/data/w.sql", line: 1, column: 15),
                    QueryIssue.unknownTable("capex.plan", known: ["capex.big", "capex.plans", "w"]))
            ])
    }

    @Test func aFileThatIsNotADatabaseIsAnErrorAtIt() {
        let found = errors(["broken.db": Array("not a database, just text".utf8), "q.sql": Array("SELECT 1 AS a".utf8)])
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(path: "Content/data/broken.db"))
    }

    @Test func aDatabaseMayNotBeCalledMainOrTemp() throws {
        let bytes = try Array(Data(contentsOf: Self.capex))
        let found = errors(["main.sqlite": bytes, "q.sql": Array("SELECT 1 AS a".utf8)])
        #expect(found == [Diagnostic(at: SourceLocation(path: "Content/data/main.sqlite"), QueryIssue.reservedDatabaseName("main"))])
    }
}
