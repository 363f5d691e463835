import FolioBlocks
import FolioCore
import FolioData
import Testing

/// `claim` blocks (SPEC §5b): a test the data must pass, checked on the build's SQL engine.
@Suite struct ClaimTests {
    let renderer: BlockRenderer

    init() throws {
        renderer = try Fixture.computingRenderer()
    }

    func check(_ body: String) throws(Diagnostics) -> BlockOutput? {
        var page = PageBlockRenderer(renderer)
        return try page.render(FencedBlock(info: "claim", body: body, location: Article.fence))
    }

    func errors(_ body: String) -> [Diagnostic]? {
        diagnostics { () throws(Diagnostics) in try check(body) }
    }

    func fails(_ text: String, _ shown: String) -> [Diagnostic] {
        [Diagnostic(at: Article.fence, BlockIssue.claimFails(text: text, shown: shown))]
    }

    @Test func aClaimThatHoldsRendersNothingAndRecordsItsOperands() throws {
        let output = try check(
            """
            text: Revenue grew more than eightfold in 2024
            holds: fin.revenue_usd_m[year=2024] > 8 * fin.revenue_usd_m[year=2023]
            """)
        #expect(output?.content == .html(""))
        #expect(output?.datasets == ["fin"])
        #expect(output?.record.kind == .claim)
        #expect(output?.record.line == Article.fenceLine)
        #expect(output?.record.cells == [["fin.revenue_usd_m[year=2024]", "1,915.4"], ["fin.revenue_usd_m[year=2023]", "228.9"]])
    }

    @Test func aClaimThatFailsGivesItsTextAndTheValuesOnEachSide() {
        #expect(
            errors(
                """
                text: Revenue grew tenfold in 2024
                holds: fin.revenue_usd_m[year=2024] >= 10 * fin.revenue_usd_m[year=2023]
                """)
                == fails("Revenue grew tenfold in 2024", "1,915.4 \u{2265} 10 \u{00D7} 228.9 (= 2,289) is false"))
    }

    @Test func conditionsJoinWithAndOrNotAndShowTheirGrouping() {
        #expect(
            errors(
                """
                text: Losses narrowed, or revenue fell
                holds: not (fin.net_loss_usd_m[year=2024] < fin.net_loss_usd_m[year=2023]) or fin.revenue_usd_m[last] < 1000
                """)
                == fails("Losses narrowed, or revenue fell", "not (\u{2212}863.4 < \u{2212}593.7) or 1,915.4 < 1,000 is false"))
        #expect(
            errors(
                """
                text: Three years of revenue, all of it growing
                holds: count(fin) = 3 and fin.revenue_usd_m[year=2023] > fin.revenue_usd_m[year=2022]
                """) == nil)
        #expect(
            errors(
                """
                text: Every year lost money
                holds: max(fin.net_loss_usd_m) < 0 and (sum(fin.revenue_usd_m) > 3000 or count(fin[segment=cloud]) != 3)
                """) == fails("Every year lost money", "\u{2212}31.1 < 0 and (2,160.1 > 3,000 or 3 \u{2260} 3) is false"))
    }

    @Test func aQueryClaimHoldsOnOneAndFailsOnZero() {
        #expect(
            errors(
                """
                text: Revenue rose every year
                sql: |
                  SELECT count(*) = 0 AS rose FROM fin a JOIN fin b ON b.year = a.year + 1 WHERE b.revenue_usd_m <= a.revenue_usd_m
                """) == nil)
        #expect(
            errors(
                """
                text: Losses shrank every year
                sql: |
                  SELECT count(*) = 0 AS shrank FROM fin a JOIN fin b ON b.year = a.year + 1 WHERE b.net_loss_usd_m <= a.net_loss_usd_m
                """) == fails("Losses shrank every year", "its query returned 0"))
    }

    @Test func aQueryClaimMustReturnOneRowOfOneOrZero() {
        let body = Article.body(3, 3)
        #expect(
            errors("text: X\nsql: |\n  SELECT year AS y FROM fin\n")
                == [Diagnostic(at: body, BlockIssue.claimQueryShape(rows: 3, columns: 1))])
        #expect(
            errors("text: X\nsql: |\n  SELECT NULL AS x FROM fin LIMIT 1\n")
                == [Diagnostic(at: body, BlockIssue.claimQueryValue(""))])
        #expect(
            errors("text: X\nsql: |\n  SELECT 2 AS x FROM fin LIMIT 1\n") == [Diagnostic(at: body, BlockIssue.claimQueryValue("2"))])
    }

    @Test func aClaimThatReadsNoDatasetIsAnError() {
        #expect(
            errors("text: Arithmetic works\nholds: 1 < 2") == [
                Diagnostic(at: Article.fence, BlockIssue.claimReadsNoData(text: "Arithmetic works"))
            ])
        #expect(
            errors("text: Arithmetic works\nsql: SELECT 1 AS one")
                == [Diagnostic(at: Article.fence, BlockIssue.claimReadsNoData(text: "Arithmetic works"))])
    }

    @Test func mistakesInTheTestPointIntoTheBlock() {
        #expect(
            errors("text: X\nholds: fin.revenue_usd_m[year=2024] >> 3")
                == [
                    Diagnostic(
                        at: Article.body(2, 38),
                        BlockIssue.expressionSyntax(context: "claim", problem: "'>' where a value belongs", expected: ExpectedText.value))
                ])
        #expect(
            errors("text: X\nholds: fin.revenue_usd_m[year=2024] + 3")
                == [
                    Diagnostic(
                        at: Article.body(2, 8),
                        BlockIssue.expressionSyntax(
                            context: "claim", problem: "a number where a test belongs",
                            expected: "a comparison (= != < <= > >=) between two values"))
                ])
        #expect(
            errors("text: X\nholds: (count(fin) > 1) + 2 > 0")
                == [
                    Diagnostic(
                        at: Article.body(2, 8),
                        BlockIssue.expressionSyntax(
                            context: "claim", problem: "a test where a number belongs", expected: "a number or a reference"))
                ])
        #expect(
            errors("text: X\nholds: fin.revenu[year=2024] > 3")
                == [
                    Diagnostic(
                        at: Article.body(2, 8),
                        BlockIssue.unknownColumn("revenu", dataset: "fin", known: ["year", "revenue_usd_m", "net_loss_usd_m", "segment"]))
                ])
    }

    @Test func parenthesesGroupTestsAndArithmeticAlike() {
        #expect(errors("text: X\nholds: ((count(fin) + 1) * 2 > 7) and (not (count(fin) = 0))") == nil)
        #expect(errors("text: X\nholds: ((((count(fin))))) = 3") == nil)
    }

    @Test func anExpressionTooLargeOrTooDeepIsRefusedWithAReasonNotACrash() {
        // Tens of thousands of levels would overflow a recursive reader's stack.
        let deep = String(repeating: "(", count: 50_000) + "count(fin)" + String(repeating: ")", count: 50_000) + " > 1"
        #expect(errors("text: X\nholds: \(deep)") == [Diagnostic(at: Article.body(2, 40), BlockIssue.expressionTooDeep(limit: 32))])
        let negations = String(repeating: "not ", count: 50_000) + "count(fin) > 1"
        #expect(errors("text: X\nholds: \(negations)")?.map(\.message) == [BlockIssue.expressionTooDeep(limit: 32).message])
        let long = "count(fin)" + String(repeating: " + 1", count: 50_000) + " > 1"
        #expect(errors("text: X\nholds: \(long)")?.map(\.message) == [BlockIssue.expressionTooLarge(limit: 256).message])
        let minus = "=" + String(repeating: "-", count: 50_000) + "1"
        #expect(inlineError(minus, with: renderer, at: Article.at(5, 12))?.message == BlockIssue.expressionTooDeep(limit: 32).message)
    }

    @Test func aClaimNeedsItsTextAndExactlyOneTest() {
        #expect(errors("text: X") == [Diagnostic(at: Article.fence, BlockIssue.claimNoTest)])
        #expect(
            errors("text: X\nholds: count(fin) > 1\nsql: SELECT 1 AS x")
                == [Diagnostic(at: Article.body(3, 1), BlockIssue.twoDataSources(block: "claim", first: "holds", second: "sql"))])
        #expect(errors("holds: count(fin) > 1")?.count == 1)
        #expect(errors("text: X\nholds: count(fin) > 1\nsays: yes")?.count == 1)
    }
}

/// What the parser says a value may be, as its messages spell it.
enum ExpectedText {
    static let value = "a number, a reference such as dataset.column[year=2024], an aggregate such as sum(dataset.column), or '('"
}
