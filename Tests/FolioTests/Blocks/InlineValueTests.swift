import FolioBlocks
import FolioCore
import FolioData
import Testing

/// Inline values: `=dataset.column[selector]|format` in a code span.
@Suite struct InlineValueTests: InlineSpanSuite {
    static let finColumns = ["year", "revenue_usd_m", "net_loss_usd_m", "segment"]

    let renderer: BlockRenderer

    init() throws {
        renderer = try Fixture.renderer()
    }

    @Test func codeWithoutEqualsIsNotAnInlineValue() throws {
        #expect(try html("fin.revenue_usd_m[last]") == nil)
        #expect(try html("") == nil)
    }

    @Test func singleSelectorWithFormat() throws {
        #expect(try html("=fin.net_loss_usd_m[year=2024]|usd_m") == "<data value=\"-863.4\">\u{2212}$863M</data>")
    }

    @Test func defaultFormatComesFromTheSidecarUnit() throws {
        #expect(try html("=fin.net_loss_usd_m[year=2024]") == "<data value=\"-863.4\">\u{2212}$863M</data>")
        #expect(try html("=fin.revenue_usd_m[year=2022]") == "<data value=\"15.8\">$15.8M</data>")
    }

    @Test func formatWithDecimals() throws {
        #expect(try html("=fin.revenue_usd_m[year=2024]|usd_m:1") == "<data value=\"1915.4\">$1.9B</data>")
        #expect(try html("=counts.count[label=alpha]|number:0") == "<data value=\"1200\">1,200</data>")
    }

    @Test func signedAndMultipleFormats() throws {
        #expect(try html("=fin.revenue_usd_m[year=2024]|usd_m+") == "<data value=\"1915.4\">+$1.92B</data>")
        #expect(try html("=fin.net_loss_usd_m[year=2024]|usd_m+:1") == "<data value=\"-863.4\">\u{2212}$863.4M</data>")
        #expect(try html("=counts.count[label=gamma]|multiple") == "<data value=\"7\">7\u{00D7}</data>")
        #expect(try html("=capex.low_usd_b..high_usd_b[company=Meta]|usd_b+") == "<data value=\"60..65\">+$60\u{2013}+65B</data>")
    }

    @Test func withoutUnitOrFormatTheCellIsShownAsWritten() throws {
        #expect(try html("=counts.year[label=alpha]") == "<data value=\"2023\">2023</data>")
        #expect(try html("=counts.count[label=alpha]") == "<data value=\"1200\">1200</data>")
        #expect(try html("=counts.measure[label=gamma]") == "<data value=\"all customers\">all customers</data>")
    }

    @Test func severalSelectorsMustAllHold() throws {
        #expect(try html("=counts.count[year=2024][measure=all customers]") == "<data value=\"7\">7</data>")
        #expect(try html("=counts.label[ measure = single customer ][year=2023]") == "<data value=\"alpha\">alpha</data>")
    }

    @Test func lastSelectsTheLastRow() throws {
        #expect(try html("=fin.revenue_usd_m[last]") == "<data value=\"1915.4\">$1.92B</data>")
        #expect(try html("=counts.label[measure=single customer][last]") == "<data value=\"beta\">beta</data>")
    }

    @Test func rangeIsFormattedOnceWithAnEnDash() throws {
        #expect(try html("=capex.low_usd_b..high_usd_b[company=Meta]|usd_b") == "<data value=\"60..65\">$60\u{2013}65B</data>")
        #expect(try html("=capex.low_usd_b..high_usd_b[company=Meta]") == "<data value=\"60..65\">$60\u{2013}65B</data>")
    }

    @Test func numbersCompareAsNumbersAndTextAsText() throws {
        #expect(try html("=fin.segment[year=2024]") == "<data value=\"cloud\">cloud</data>")
        #expect(try html("=fin.segment[year=2024.0]") == "<data value=\"cloud\">cloud</data>")
        #expect(
            error("=fin.segment[year=02024]")
                == Diagnostic(at: inside(18), BlockIssue.notANumberValue("02024", column: "year", dataset: "fin")))
        #expect(
            error("=fin.segment[segment=Cloud]")
                == Diagnostic(at: Self.span, BlockIssue.noRowMatches(selector: "[segment=Cloud]", dataset: "fin")))
    }

    @Test func missingDatasetColumnOrRow() {
        #expect(error("=fim.year[last]") == Diagnostic(at: Self.span, BlockIssue.unknownDataset("fim", known: ["capex", "counts", "fin"])))
        #expect(
            error("=fin.revenue[last]")
                == Diagnostic(at: Self.span, BlockIssue.unknownColumn("revenue", dataset: "fin", known: Self.finColumns)))
        #expect(
            error("=fin.low..high_usd_b[last]")
                == Diagnostic(at: Self.span, BlockIssue.unknownColumn("low", dataset: "fin", known: Self.finColumns)))
        #expect(
            error("=fin.revenue_usd_m[yr=2024]")
                == Diagnostic(at: Self.span, BlockIssue.unknownColumn("yr", dataset: "fin", known: Self.finColumns)))
        #expect(
            error("=fin.revenue_usd_m[year=1999]")
                == Diagnostic(at: Self.span, BlockIssue.noRowMatches(selector: "[year=1999]", dataset: "fin")))
    }

    @Test func ambiguousSelectorIsAnError() {
        #expect(
            error("=counts.label[year=2024]")
                == Diagnostic(at: Self.span, BlockIssue.severalRowsMatch(selector: "[year=2024]", dataset: "counts", count: 2)))
        #expect(
            error("=fin.year[segment=cloud]")
                == Diagnostic(at: Self.span, BlockIssue.severalRowsMatch(selector: "[segment=cloud]", dataset: "fin", count: 3)))
    }

    @Test func emptySelectedCellIsAnError() {
        #expect(
            error("=counts.count[label=beta]") == Diagnostic(at: Self.span, BlockIssue.emptyCell(column: "count", selector: "[label=beta]"))
        )
        #expect(
            error("=capex.low_usd_b..high_usd_b[company=Alphabet]")
                == Diagnostic(at: Self.span, BlockIssue.emptyCell(column: "low_usd_b", selector: "[company=Alphabet]")))
    }

    @Test func aFormatOnATextCellIsAnError() {
        #expect(
            error("=counts.label[year=2023]|number")
                == Diagnostic(at: Self.span, BlockIssue.notANumberCell(column: "label", value: "alpha")))
    }

    @Test func malformedExpressionsPointAtTheProblem() {
        #expect(error("=") == Diagnostic(at: inside(1), BlockIssue.inlineSyntax("no dataset name after '='")))
        #expect(error("=fin") == Diagnostic(at: inside(4), BlockIssue.inlineSyntax("no '.COLUMN' after the dataset name")))
        #expect(error("=fin.[last]") == Diagnostic(at: inside(5), BlockIssue.inlineSyntax("an empty column name")))
        #expect(error("=fin.revenue_usd_m") == Diagnostic(at: inside(18), BlockIssue.inlineSyntax("no row selector")))
        #expect(
            error("=fin.revenue_usd_m[year=2024") == Diagnostic(at: inside(28), BlockIssue.inlineSyntax("'[' without a closing ']'")))
        #expect(error("=fin.revenue_usd_m[year]") == Diagnostic(at: inside(23), BlockIssue.selectorWithoutOperator(column: "year")))
        #expect(
            error("=fin.revenue_usd_m[=2024]")
                == Diagnostic(at: inside(19), BlockIssue.inlineSyntax("a selector without a column before '='")))
        // With a space in it the span reads as arithmetic, which is what the error then explains.
        #expect(
            error("=fin.revenue_usd_m[last] more")
                == Diagnostic(
                    at: inside(25),
                    BlockIssue.expressionSyntax(
                        context: "inline value", problem: "unexpected 'more'", expected: "an operator (+ - * /), '|FORMAT' or the end")))
        #expect(error("=fin.revenue_usd_m[last]more") == Diagnostic(at: inside(24), BlockIssue.inlineSyntax("unexpected text 'more'")))
    }

    @Test func aRangeOverATextColumnIsAnError() {
        #expect(
            error("=fin.segment..revenue_usd_m[year=2024]") == Diagnostic(at: Self.span, BlockIssue.textColumn("segment", dataset: "fin")))
        #expect(error("=counts.label..measure[last]") == Diagnostic(at: Self.span, BlockIssue.textColumn("label", dataset: "counts")))
    }

    @Test func unknownFormatPointsAtTheFormatName() {
        #expect(error("=fin.revenue_usd_m[year=2024]|usd_x") == Diagnostic(at: inside(30), BlockIssue.unknownFormat("usd_x")))
        #expect(error("=fin.revenue_usd_m[year=2024]|usd_m:7") == Diagnostic(at: inside(30), BlockIssue.unknownFormat("usd_m:7")))
        #expect(error("=fin.revenue_usd_m[year=2024]|") == Diagnostic(at: inside(30), BlockIssue.unknownFormat("")))
    }

    @Test func selectorSplitsAtTheFirstEqualsSignEvenBeforeACombiningMark() {
        #expect(
            error("=counts.label[measure=\u{301}x]")
                == Diagnostic(at: Self.span, BlockIssue.noRowMatches(selector: "[measure=\u{301}x]", dataset: "counts")))
    }

    @Test func datasetThatIsNotAPlainNameIsRefused() {
        // A `/` reads as division: `a` is then a dataset without its column.
        #expect(
            error("=a/b.c[last]")
                == Diagnostic(
                    at: inside(2),
                    BlockIssue.expressionSyntax(context: "inline value", problem: "'/' after the dataset name 'a'", expected: "'.COLUMN'")))
        #expect(error("=a\\b.c[last]") == Diagnostic(at: inside(1), BlockIssue.notADatasetName("a\\b")))
        #expect(error("=%2e%2e.c[last]") == Diagnostic(at: inside(1), BlockIssue.notADatasetName("%2e%2e")))
        #expect(error("=fin\u{0}.c[last]") == Diagnostic(at: inside(1), BlockIssue.notADatasetName("fin\u{0}")))
    }

    @Test func parsedExpressionKeepsItsParts() throws {
        let parsed = try #require(
            try InlineValueExpression.parse("=capex.low_usd_b..high_usd_b[company=Meta][last]|usd_b:1", at: Self.span))
        #expect(parsed.dataset == "capex")
        #expect(parsed.columns == ["low_usd_b", "high_usd_b"])
        #expect(parsed.selectors == [.compare(column: "company", op: .equal, value: "Meta"), .last])
        #expect(parsed.valueLocations == [inside(37), inside(42)])
        #expect(parsed.format?.description == "usd_b:1")
        #expect(parsed.selectorText == "[company=Meta][last]")
    }
}
