import FolioBlocks
import FolioCore
import FolioData
import Testing

/// Computed inline values (SPEC §5): arithmetic and aggregates over references, run on the
/// build's SQL engine, each mistake at its column in the span.
@Suite struct ComputedValueTests: InlineSpanSuite {

    let renderer: BlockRenderer

    init() throws {
        renderer = try Fixture.computingRenderer([Fixture.file("capex-2025.csv", "company,low\nMeta,60\n")])
    }

    /// Where `text` first starts in `code`, as a location in the article.
    func inside(_ code: String, at text: String) -> SourceLocation {
        let (scalars, wanted) = (Array(code.unicodeScalars), Array(text.unicodeScalars))
        let index = scalars.indices.first { Array(scalars[$0...].prefix(wanted.count)) == wanted }
        return inside(index ?? -100)
    }

    @Test func divisionIsRealAndTheValueHoldsTheComputedNumber() throws {
        #expect(try html("=8000/1900") == "<data value=\"4.21052631578947\">4.21</data>")
        #expect(
            try html("=fin.revenue_usd_m[year=2024] / fin.revenue_usd_m[year=2023]|multiple:1")
                == "<data value=\"8.36784622105723\">8.4\u{00D7}</data>")
        #expect(
            try html("=fin.revenue_usd_m[year=2024] / fin.revenue_usd_m[year=2023] - 1|fraction+")
                == "<data value=\"7.36784622105723\">+737%</data>")
    }

    @Test func sumsAndDifferencesKeepTheUnitOfTheirColumns() throws {
        #expect(try html("=sum(fin.revenue_usd_m)") == "<data value=\"2160.1\">$2.16B</data>")
        #expect(try html("=fin.revenue_usd_m[last] - fin.revenue_usd_m[year=2023]") == "<data value=\"1686.5\">$1.69B</data>")
        #expect(try html("=-fin.net_loss_usd_m[year=2024]") == "<data value=\"863.4\">$863M</data>")
        // A product or a ratio is a plain number.
        #expect(try html("=fin.revenue_usd_m[year=2022] * 2") == "<data value=\"31.6\">31.6</data>")
    }

    @Test func aggregatesOverTheRowsTheSelectorsMatch() throws {
        #expect(try html("=mean(fin.revenue_usd_m[year>=2023])|usd_m:1") == "<data value=\"1072.15\">$1.1B</data>")
        #expect(try html("=min(fin.net_loss_usd_m)") == "<data value=\"-863.4\">\u{2212}$863M</data>")
        #expect(try html("=max(fin.net_loss_usd_m)") == "<data value=\"-31.1\">\u{2212}$31.1M</data>")
        #expect(try html("=sum(capex.high_usd_b[company!=Meta])") == "<data value=\"155\">$155B</data>")
        #expect(try html("=count(counts[year=2024])") == "<data value=\"2\">2</data>")
        #expect(try html("=count(fin[year>2030])") == "<data value=\"0\">0</data>")
        #expect(try html("=count(fin.revenue_usd_m[segment=cloud])") == "<data value=\"3\">3</data>")
    }

    @Test func textSelectorsCompareByCodePointInSQLToo() throws {
        // `M` < `Me` < `Mi`: Meta and Microsoft, not Alphabet.
        #expect(try html("=sum(capex.high_usd_b[company>=M])") == "<data value=\"145\">$145B</data>")
        #expect(try html("=count(capex[company<a])") == "<data value=\"3\">3</data>")
    }

    @Test func aQuotedNameReachesADatasetWhoseNameIsNotAnIdentifier() throws {
        #expect(try html("=\"capex-2025\".low[company=Meta] * 1000") == "<data value=\"60000\">60K</data>")
    }

    @Test func aSpanThatReadsAsOneCellIsShownAsWritten() throws {
        #expect(try html("=counts.year[label=alpha]") == "<data value=\"2023\">2023</data>")
        #expect(try html("=counts.year[label=alpha] + 0") == "<data value=\"2023\">2.02K</data>")
    }

    @Test func theFirstOrLastTextOfATextColumnIsShownAsWrittenButTakesNoArithmetic() throws {
        #expect(try html("=max(capex.company)") == "<data value=\"Microsoft\">Microsoft</data>")
        #expect(try html("=min(capex.company[company!=Alphabet])") == "<data value=\"Meta\">Meta</data>")
        #expect(error("=max(capex.company) + 1") == Diagnostic(at: inside(5), BlockIssue.textColumn("company", dataset: "capex")))
        #expect(error("=sum(capex.company)") == Diagnostic(at: inside(5), BlockIssue.textColumn("company", dataset: "capex")))
    }

    @Test func mixedUnitsNeedAFormat() throws {
        let code = "=fin.revenue_usd_m[year=2024] + capex.low_usd_b[company=Meta]"
        #expect(error(code) == Diagnostic(at: Self.span, BlockIssue.mixedUnits(["USD millions", "USD billions"])))
        #expect(try html(code + "|number") == "<data value=\"1975.4\">1.98K</data>")
    }

    @Test func aMissingCellInAnyRowAnAggregateReadsIsAnError() {
        let code = "=sum(counts.count)"
        #expect(
            error(code)
                == Diagnostic(at: inside(5), BlockIssue.missingCellInAggregate("sum(counts.count)", column: "count", missing: 1, rows: 3)))
        #expect(error("=count(counts.count)") != nil)
    }

    @Test func anAggregateOverNoRowsIsAnErrorButACountIsZero() {
        #expect(
            error("=sum(fin.revenue_usd_m[year=1990])")
                == Diagnostic(at: inside(5), BlockIssue.noRowsToAggregate("sum(fin.revenue_usd_m[year=1990])")))
        #expect(error("=mean(fin.revenue_usd_m[year=1990])") != nil)
    }

    @Test func divisionByZeroIsAnErrorAtItsSlash() {
        let code = "=fin.revenue_usd_m[year=2024] / (fin.revenue_usd_m[year=2024] - fin.revenue_usd_m[year=2024])"
        #expect(error(code) == Diagnostic(at: inside(code, at: "/"), BlockIssue.divisionByZero))
    }

    @Test func eachReferenceMustPickExactlyOneFilledCell() {
        #expect(
            error("=2 * fin.revenue_usd_m[segment=cloud]")
                == Diagnostic(at: inside(5), BlockIssue.severalRowsMatch(selector: "[segment=cloud]", dataset: "fin", count: 3)))
        #expect(
            error("=counts.count[label=beta] + 1")
                == Diagnostic(at: inside(1), BlockIssue.emptyCell(column: "count", selector: "[label=beta]")))
        #expect(
            error("=1 + fin.revenue_usd_m[year=1990]")
                == Diagnostic(at: inside(5), BlockIssue.noRowMatches(selector: "[year=1990]", dataset: "fin")))
        #expect(error("=fin.revenue_usd_m * 2") == Diagnostic(at: inside(1), BlockIssue.selectorNeeded("fin.revenue_usd_m")))
    }

    @Test func namesAndValuesAreCheckedWhereTheyAreWritten() {
        #expect(
            error("=1 + fun.revenue_usd_m[year=2024]")
                == Diagnostic(at: inside(5), BlockIssue.unknownDataset("fun", known: ["capex", "capex-2025", "counts", "fin"])))
        #expect(
            error("=sum(fin.revenue_usd_m[year=twenty])")
                == Diagnostic(at: inside(28), BlockIssue.notANumberValue("twenty", column: "year", dataset: "fin")))
        #expect(error("=sum(fin.segment)") == Diagnostic(at: inside(5), BlockIssue.textColumn("segment", dataset: "fin")))
    }

    @Test func syntaxErrorsPointAtTheirColumn() {
        let unclosed = "=sum(fin.revenue_usd_m"
        #expect(
            error(unclosed)
                == Diagnostic(
                    at: inside(22),
                    BlockIssue.expressionSyntax(
                        context: "inline value", problem: "the end where ')' belongs", expected: "')' to close sum(")))
        let dangling = "=fin.revenue_usd_m[year=2024] +"
        #expect(error(dangling)?.location == inside(31))
        let range = "=capex.low_usd_b..high_usd_b[company=Meta] * 2"
        #expect(error(range) == Diagnostic(at: inside(16), BlockIssue.rangeInArithmetic))
        #expect(error("=2 * (3 + 4")?.location == inside(11))
    }

    @Test func theRecordAndTheDatasetsReadFollowTheQuery() throws {
        let output = try inlineValue("=sum(fin.revenue_usd_m) / count(capex)", with: renderer, at: Self.span)
        #expect(output?.datasets == ["capex", "fin"])
        #expect(output?.record.cells == [["720"]])
    }
}
