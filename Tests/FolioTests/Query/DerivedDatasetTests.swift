import FolioCore
import FolioData
import FolioQuery
import Foundation
import Testing

/// Swift Testing has its own `SourceLocation`; in these tests the name means folio's.
typealias SourceLocation = FolioCore.SourceLocation

/// Derived datasets (`NAME.sql`) over the build's datasets: types, order, sandbox, limits, locations.
@Suite struct DerivedDatasetTests {
    static let quarterly = """
        year,quarter,revenue_usd_m,note
        2024,Q1,188.7,
        2024,Q2,395.4,big
        2025,Q1,981.6,
        2025,Q2,1212.8,
        """

    func library(_ files: [String: String]) throws -> DatasetLibrary {
        try DatasetLibrary(
            files: files.map { DatasetFile(name: $0.key, bytes: Array(($0.value + "\n").utf8)) }, basePath: "Content/data")
    }

    func derive(_ files: [String: String]) throws -> DerivedDatasets.Result {
        try DerivedDatasets.build(
            library(["q.csv": Self.quarterly, "q.meta.yml": "units: {revenue_usd_m: USD millions}"].merging(files) { $1 }))
    }

    func errors(_ files: [String: String]) -> [Diagnostic] {
        do {
            _ = try derive(files)
            return []
        } catch let error as Diagnostics {
            return error.all
        } catch {
            return [Diagnostic(at: SourceLocation(path: "?"), message: "\(error)")]
        }
    }

    func at(_ file: String, _ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: "Content/data/\(file)", line: line, column: column)
    }

    @Test func aDerivedDatasetIsADatasetWithTypedColumnsAndUnits() throws {
        let result = try derive([
            "annual.sql":
                "SELECT year, sum(revenue_usd_m) AS revenue_usd_m, count(note) AS notes, max(note) AS note\nFROM q GROUP BY year ORDER BY year"
        ])
        let annual = try #require(result.library["annual"])
        #expect(annual.columns.map(\.name) == ["year", "revenue_usd_m", "notes", "note"])
        #expect(annual.columns.map(\.isNumeric) == [true, true, true, false])
        #expect(annual.rows.map { $0.cells.map(\.text) } == [["2024", "584.1", "1", "big"], ["2025", "2194.4", "0", ""]])
        #expect(annual.rows[0].cells[1].number == 584.1)
        #expect(annual.rows[1].cells[3].isMissing)
        #expect(annual.column(named: "year")?.unit == nil)
        #expect(result.reads == ["annual": ["q"]])
        // A plain dataset is still there, unchanged.
        #expect(result.library["q"]?.rows.count == 4)
    }

    @Test func aDerivedDatasetsSidecarMayNotNameAColumnItLacks() {
        #expect(
            errors(["annual.sql": "SELECT year FROM q", "annual.meta.yml": "units: {revenue_usd_m: USD millions}"]) == [
                Diagnostic(
                    at: SourceLocation(path: "Content/data/annual.meta.yml", line: 1, column: 9),
                    DataIssue.metaUnitForUnknownColumn("revenue_usd_m", dataset: "annual"))
            ])
    }

    @Test func numbersAreWrittenAsPlainDecimalsOf15SignificantDigits() throws {
        let result = try derive(["n.sql": "SELECT 0.1 + 0.2 AS a, 1e21 AS b, -0.000123 AS c, 7.0 AS d, 9007199254740993 AS e, 1.0/3 AS f"])
        let cells = try #require(result.library["n"]?.rows.first?.cells.map(\.text))
        #expect(cells == ["0.3", "1000000000000000000000", "-0.000123", "7", "9007199254740993", "0.333333333333333"])
    }

    @Test func derivedDatasetsReadEachOtherInAnyFileOrder() throws {
        let result = try derive([
            "a_growth.sql":
                "SELECT year, revenue_usd_m / (SELECT min(revenue_usd_m) FROM b_annual) AS multiple FROM b_annual ORDER BY year",
            "b_annual.sql": "SELECT year, sum(revenue_usd_m) AS revenue_usd_m FROM q GROUP BY year ORDER BY year",
        ])
        #expect(result.library["a_growth"]?.rows.map { $0.cells[1].text } == ["1", "3.75689094333162"])
        #expect(result.reads == ["a_growth": ["b_annual"], "b_annual": ["q"]])
    }

    @Test func aCycleNamesEveryDatasetInIt() {
        let found = errors([
            "a.sql": "SELECT * FROM b", "b.sql": "SELECT * FROM c", "c.sql": "\n  SELECT * FROM a",
        ])
        #expect(found == [Diagnostic(at: at("a.sql", 1, 1), QueryIssue.cycle(["a", "b", "c", "a"]))])
    }

    @Test(arguments: [
        ("INSERT INTO q VALUES (1, 'x', 2, NULL)", "INSERT into q"),
        ("ATTACH DATABASE 'other.db' AS other", "ATTACH"),
        ("PRAGMA writable_schema = 1", "PRAGMA writable_schema"),
        ("SELECT load_extension('x') AS x", "load_extension()"),
        ("CREATE TABLE t (a)", "CREATE TABLE t"),
        ("DELETE FROM q", "DELETE from q"),
    ])
    func theSandboxRefusesAnythingButReading(sql: String, refused: String) {
        let found = errors(["bad.sql": sql])
        #expect(found.map(\.message) == [QueryIssue.refused(refused).message])
        #expect(found.first?.location.path == "Content/data/bad.sql")
    }

    @Test(arguments: [
        ("SELECT random() AS r", "random(), whose result changes from run to run,", 1, 8),
        ("SELECT year, CURRENT_DATE AS today FROM q", "current_date(), whose result changes from run to run,", 1, 14),
        ("SELECT year,\n  date('now') AS today FROM q", "reading the clock ('now'),", 2, 8),
        ("SELECT strftime('%Y') AS y", "reading the clock ('now'),", 1, 8),
        ("SELECT julianday() AS d", "reading the clock ('now'),", 1, 8),
    ])
    func aQueryMustGiveTheSameRowsEveryTime(sql: String, refused: String, line: Int, column: Int) {
        // A page reused from the last build would otherwise differ from a clean build.
        let found = errors(["today.sql": sql])
        #expect(found.map(\.message) == [QueryIssue.refused(refused).message])
        #expect(found.first?.location.path == "Content/data/today.sql")
        if refused.hasPrefix("reading") { #expect(found.first?.location == at("today.sql", line, column)) }
    }

    @Test func dateFunctionsOnDatesInTheDataAreFine() throws {
        let result = try derive(["d.sql": "SELECT strftime('%Y', '2025-03-28') AS y, date('2025-03-28', '+1 day') AS next"])
        #expect(result.library["d"]?.rows.first?.cells.map(\.text) == ["2025", "2025-03-29"])
    }

    @Test func aQueryThatNeverEndsStopsAtTheTimeLimit() {
        let sql = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) AS c FROM r"
        #expect(errors(["forever.sql": sql]) == [Diagnostic(at: at("forever.sql", 1, 1), QueryIssue.timeLimit(seconds: 4))])
    }

    @Test func moreRowsThanTheLimitIsAnError() {
        let sql = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r LIMIT 100001) SELECT n FROM r"
        #expect(errors(["many.sql": sql]) == [Diagnostic(at: at("many.sql", 1, 1), QueryIssue.rowLimit(100_000))])
        let exactly = try? derive([
            "many.sql": "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r LIMIT 100000) SELECT n FROM r"
        ])
        #expect(exactly?.library["many"]?.rows.count == 100_000)
    }

    @Test func aSyntaxErrorIsAtItsLineAndColumn() {
        let found = errors(["s.sql": "-- annual sums\nSELECT year,\n  sum(revenue_usd_m) AS total FORM q"])
        #expect(found.count == 1)
        #expect(found.first?.location == at("s.sql", 3, 31))
        #expect(found.first?.message == QueryIssue.syntax("near \"FORM\": syntax error").message)
    }

    @Test func anUnknownTableIsAtItsFirstUseAndListsTheDatasets() {
        let found = errors(["u.sql": "SELECT *\nFROM  quarterly"])
        #expect(found == [Diagnostic(at: at("u.sql", 2, 7), QueryIssue.unknownTable("quarterly", known: ["q", "u"]))])
    }

    @Test func anUnknownColumnListsTheColumnsOfTheTablesRead() {
        let found = errors(["c.sql": "SELECT year, revenue FROM q"])
        #expect(
            found == [
                Diagnostic(
                    at: at("c.sql", 1, 14), QueryIssue.unknownColumn("revenue", known: ["year", "quarter", "revenue_usd_m", "note"]))
            ])
    }

    @Test func everyResultColumnNeedsAName() {
        #expect(
            errors(["e.sql": "SELECT year, revenue_usd_m * 2 FROM q"]) == [
                Diagnostic(at: at("e.sql", 1, 1), QueryIssue.unnamedColumn(index: 2, written: "revenue_usd_m * 2"))
            ])
        #expect(
            errors(["r.sql": "SELECT year, quarter AS YEAR FROM q"]) == [
                Diagnostic(at: at("r.sql", 1, 1), QueryIssue.repeatedColumn("YEAR"))
            ])
    }

    @Test func oneStatementOnly() throws {
        let found = errors(["two.sql": "SELECT 1 AS a;\nSELECT 2 AS b"])
        #expect(found.map(\.message) == [QueryIssue.notOneStatement.message])
        let withComment = try derive(["one.sql": "SELECT 1 AS a; -- the answer\n/* done */\n"])
        #expect(withComment.library["one"]?.rows.first?.cells.first?.text == "1")
    }

    @Test func aPlainDatasetNoQueryReadsIsNeverLoaded() throws {
        let result = try derive(["only.sql": "SELECT 1 AS a"])
        #expect(result.reads == ["only": []])
    }
}
