import FolioBlocks
import FolioCore
import FolioData
import Testing

/// Comparing selectors, `[COLUMN OP VALUE]`, and the one rule they share with `where:`.
@Suite struct SelectorComparisonTests: InlineSpanSuite {
    /// Text whose code-point order differs from a locale's and from canonical equivalence: `é`
    /// precomposed (rank 4) and as `e` + U+0301 (rank 5); values that need quotes in a selector;
    /// a missing name (rank 9); `code` holds text, so `10` sorts before `9`.
    static let names = #"""
        name,rank,code
        Zeta,1,10
        alpha,2,9
        zulu,3,A
        \#u{E9}clair,4,B
        e\#u{301}clair,5,C
        a]b,6,D
        "say ""hi""",7,E
        x=y,8,F
        ,9,G

        """#

    let renderer: BlockRenderer

    init() throws {
        renderer = try Fixture.renderer([Fixture.file("names.csv", Self.names)])
    }

    /// An inline value whose cell is shown as written.
    func shown(_ text: String) -> String {
        "<data value=\"\(text)\">\(text)</data>"
    }

    func selectors(_ code: String) throws -> [InlineValueExpression.Selector] {
        try #require(try InlineValueExpression.parse(code, at: Self.span)).selectors
    }

    @Test func eachOperatorOnNumbers() throws {
        #expect(try html("=fin.year[year=2023]") == shown("2023"))
        #expect(try html("=fin.year[year!=2023][year!=2024]") == shown("2022"))
        #expect(try html("=fin.year[year<2023]") == shown("2022"))
        #expect(try html("=fin.year[year<=2022]") == shown("2022"))
        #expect(try html("=fin.year[year>2023]") == shown("2024"))
        #expect(try html("=fin.year[year>=2024]") == shown("2024"))
        #expect(try html("=fin.year[year>2022.5][year<2023.5]") == shown("2023"))
    }

    @Test func numericColumnsCompareAsNumbersNotAsText() throws {
        // As text, "15.8" < "100" is false and "-593.7" < "-600" is true.
        #expect(try html("=fin.year[revenue_usd_m<100]") == shown("2022"))
        #expect(try html("=fin.year[net_loss_usd_m<-600]") == shown("2024"))
        #expect(try html("=fin.year[year=\"2023\"]") == shown("2023"))
    }

    @Test func eachOperatorOnText() throws {
        #expect(try html("=counts.label[label=beta]") == shown("beta"))
        #expect(try html("=counts.label[label!=alpha][label!=gamma]") == shown("beta"))
        #expect(try html("=counts.label[label<beta]") == shown("alpha"))
        #expect(try html("=counts.label[label<=alpha]") == shown("alpha"))
        #expect(try html("=counts.label[label>beta]") == shown("gamma"))
        #expect(try html("=counts.label[label>=gamma]") == shown("gamma"))
        #expect(try html("=counts.label[label>al][label<b]") == shown("alpha"))
    }

    @Test func textColumnsCompareByCodePoint() throws {
        #expect(try html("=names.rank[name<a]") == shown("1"))
        #expect(try html("=names.rank[name>zulu]") == shown("4"))
        #expect(try html("=names.rank[name=\u{E9}clair]") == shown("4"))
        #expect(try html("=names.rank[name=e\u{301}clair]") == shown("5"))
        #expect(try html("=names.rank[name>=e][name<f]") == shown("5"))
        #expect(try html("=names.rank[code<2]") == shown("1"))
        #expect(try html("=names.rank[code>=9][code<A]") == shown("2"))
    }

    @Test func theOperatorIsTheLongestMatch() throws {
        #expect(
            try selectors("=d.c[a<=1][a>=1][a!=1][a==1][a=<1][a<1][a>1][a=!1]") == [
                .compare(column: "a", op: .lessOrEqual, value: "1"), .compare(column: "a", op: .greaterOrEqual, value: "1"),
                .compare(column: "a", op: .notEqual, value: "1"), .compare(column: "a", op: .equal, value: "=1"),
                .compare(column: "a", op: .equal, value: "<1"), .compare(column: "a", op: .less, value: "1"),
                .compare(column: "a", op: .greater, value: "1"), .compare(column: "a", op: .equal, value: "!1"),
            ])
        #expect(try html("=counts.label[count<=7]") == shown("gamma"))
        #expect(try html("=counts.label[count>=1200]") == shown("alpha"))
    }

    @Test func quotedValues() throws {
        #expect(try html("=names.rank[name=\"a]b\"]") == shown("6"))
        #expect(try html("=names.rank[name=\"say \"\"hi\"\"\"]") == shown("7"))
        #expect(try html("=names.rank[name=\"x=y\"]") == shown("8"))
        #expect(try html("=names.rank[name=x=y]") == shown("8"))
        #expect(try html("=names.rank[ name = \"Zeta\" ]") == shown("1"))
        #expect(
            error("=names.rank[name=\" Zeta\"]")
                == Diagnostic(at: Self.span, BlockIssue.noRowMatches(selector: "[name=\" Zeta\"]", dataset: "names")))
    }

    @Test func anEmptyQuotedValueAndMissingCells() {
        #expect(
            error("=names.rank[name=\"\"]") == Diagnostic(at: Self.span, BlockIssue.noRowMatches(selector: "[name=\"\"]", dataset: "names"))
        )
        // Nine rows, one without a name: a missing cell matches no comparison, not even `!=`.
        #expect(
            error("=names.rank[name!=\"\"]")
                == Diagnostic(at: Self.span, BlockIssue.severalRowsMatch(selector: "[name!=\"\"]", dataset: "names", count: 8)))
        #expect(error("=names.rank[name<A]") == Diagnostic(at: Self.span, BlockIssue.noRowMatches(selector: "[name<A]", dataset: "names")))
    }

    @Test func aMissingNumberMatchesNoComparison() throws {
        #expect(try html("=counts.label[count!=1200]") == shown("gamma"))
        #expect(try html("=counts.label[count<1000]") == shown("gamma"))
    }

    @Test func lastAppliesAfterTheOtherSelectors() throws {
        #expect(try html("=fin.year[last][year<2024]") == shown("2023"))
        #expect(try html("=fin.year[year<2024][last]") == shown("2023"))
        #expect(try html("=fin.year[last][year<2025]") == shown("2024"))
        #expect(
            error("=fin.year[last][year>2024]")
                == Diagnostic(at: Self.span, BlockIssue.noRowMatches(selector: "[last][year>2024]", dataset: "fin")))
    }

    @Test func aComparisonStillNeedsExactlyOneRow() {
        #expect(
            error("=fin.year[year>=2023]")
                == Diagnostic(at: Self.span, BlockIssue.severalRowsMatch(selector: "[year>=2023]", dataset: "fin", count: 2)))
        #expect(
            error("=capex.high_usd_b[company!=Meta]")
                == Diagnostic(at: Self.span, BlockIssue.severalRowsMatch(selector: "[company!=Meta]", dataset: "capex", count: 2)))
    }

    @Test func selectorTextShowsTheSelectorsAndParsesBack() throws {
        let code = "=capex.high_usd_b[ year >= 2023 ][company!=Meta][name=\"a]b\"][e=\"\"][v=\" x\"][w=\"=1\"][q=\"\"\"\"][r=a\"b][last]"
        let parsed = try #require(try InlineValueExpression.parse(code, at: Self.span))
        #expect(
            parsed.selectors == [
                .compare(column: "year", op: .greaterOrEqual, value: "2023"), .compare(column: "company", op: .notEqual, value: "Meta"),
                .compare(column: "name", op: .equal, value: "a]b"), .compare(column: "e", op: .equal, value: ""),
                .compare(column: "v", op: .equal, value: " x"), .compare(column: "w", op: .equal, value: "=1"),
                .compare(column: "q", op: .equal, value: "\""), .compare(column: "r", op: .equal, value: "a\"b"), .last,
            ])
        #expect(parsed.selectorText == "[year>=2023][company!=Meta][name=\"a]b\"][e=\"\"][v=\" x\"][w=\"=1\"][q=\"\"\"\"][r=a\"b][last]")
        #expect(try selectors("=capex.high_usd_b" + parsed.selectorText) == parsed.selectors)
    }

    @Test func malformedComparisonsPointAtTheProblem() {
        #expect(error("=fin.year[segment=\"cloud]") == Diagnostic(at: inside(18), BlockIssue.unclosedQuote))
        #expect(error("=fin.year[segment=\"cl\"\"oud") == Diagnostic(at: inside(18), BlockIssue.unclosedQuote))
        #expect(error("=fin.year[segment=\"cloud\"") == Diagnostic(at: inside(25), BlockIssue.inlineSyntax("'[' without a closing ']'")))
        #expect(error("=fin.year[segment=\"cloud\"x]") == Diagnostic(at: inside(25), BlockIssue.textAfterQuotedValue("x")))
        #expect(error("=fin.year[year>=]") == Diagnostic(at: inside(16), BlockIssue.selectorWithoutValue(column: "year", op: ">=")))
        #expect(error("=fin.year[year>= ]") == Diagnostic(at: inside(17), BlockIssue.selectorWithoutValue(column: "year", op: ">=")))
        #expect(error("=fin.year[year]") == Diagnostic(at: inside(14), BlockIssue.selectorWithoutOperator(column: "year")))
        #expect(error("=fin.year[year!2024]") == Diagnostic(at: inside(14), BlockIssue.selectorWithoutOperator(column: "year")))
        #expect(
            error("=fin.year[>=2023]") == Diagnostic(at: inside(10), BlockIssue.inlineSyntax("a selector without a column before '>='")))
        #expect(error("=fin.year[]") == Diagnostic(at: inside(10), BlockIssue.inlineSyntax("an empty selector '[]'")))
    }

    @Test func aNumericColumnNeedsANumberAtTheValue() {
        #expect(
            error("=fin.segment[year>=abc]")
                == Diagnostic(at: inside(19), BlockIssue.notANumberValue("abc", column: "year", dataset: "fin")))
        #expect(
            error("=fin.segment[year= \"x\"]")
                == Diagnostic(at: inside(19), BlockIssue.notANumberValue("x", column: "year", dataset: "fin")))
        #expect(
            error("=fin.segment[year=1e3]") == Diagnostic(at: inside(18), BlockIssue.notANumberValue("1e3", column: "year", dataset: "fin"))
        )
    }

    @Test func aColumnWithNoValuesComparesAsText() throws {
        let renderer = try Fixture.renderer([Fixture.file("gaps.csv", "k,v\na,\nb,\n")])
        let found = diagnostics { () throws(Diagnostics) in try inlineValue("=gaps.k[v=none]", with: renderer, at: Self.span) }
        #expect(found == [Diagnostic(at: Self.span, BlockIssue.noRowMatches(selector: "[v=none]", dataset: "gaps"))])
    }

    @Test func whereGoesThroughTheSameRule() throws {
        #expect(
            tableErrors("data: fin\nwhere: {year: soon}\n", with: renderer) == [
                Diagnostic(at: Article.body(2, 15), BlockIssue.notANumberValue("soon", column: "year", dataset: "fin"))
            ])
        let html = try table("data: names\ncolumns: [rank]\nwhere: {name: \u{E9}clair}", with: renderer)
        // Only the precomposed éclair (rank 4), not e + U+0301 (rank 5).
        #expect(
            html == """
                <figure class="data-table">
                <div class="table-wrap"><table>
                <thead><tr><th scope="col" class="num">Rank</th></tr></thead>
                <tbody>
                <tr><td class="num">4</td></tr>
                </tbody>
                </table></div>
                </figure>

                """)
    }
}
