import FolioBlocks
import FolioCore
import FolioTestSupport
import FolioYAML
import Foundation
import Testing

/// Table columns that draw: `bar` (in-cell bars), `heat` (shaded cells) and `spark` (a sparkline per row).
@Suite struct TableDrawingTests {
    let renderer: BlockRenderer

    init() throws {
        renderer = try Fixture.renderer()
    }

    static let csv = """
        csv: |
          company,y2023,y2024,change
          Microsoft,28.1,55.7,27.6
          Intel,25.8,23.9,-1.9
          Meta,28.1,,4
          Oracle,8.7,21.2,12.5

        """

    /// The cells of the body rows (without the row tags), in order.
    private func cells(_ html: String) -> [[String]] {
        html.components(separatedBy: "<tbody>\n").last?.components(separatedBy: "</tbody>").first?.split(separator: "\n").map { row in
            row.components(separatedBy: "</td>").dropLast().map { $0.components(separatedBy: "<td").last.map { "<td" + $0 } ?? "" }
        } ?? []
    }

    /// The text a reader sees in a cell: its markup removed.
    private func text(_ cell: String) -> String {
        cell.replacingOccurrences(of: "<title>[^<]*</title>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
    }

    @Test func barsAreZeroBasedWithNegativesLeftOfTheZeroLine() throws {
        let html = try table(Self.csv + "columns:\n  - company\n  - {key: change, bar: true}\n", with: renderer)
        let column = cells(html).map { $0.count > 1 ? $0[1] : "" }
        #expect(column.map(text) == ["27.6", "-1.9", "4", "12.5"])
        let rects = column.map { SVGElement.all("rect", in: $0) }
        let zeros = column.flatMap { SVGElement.all("line", class: "cell-bar-zero", in: $0) }
        // The scale runs from −1.9 to 27.6 over 100 units: zero sits at 1.9 / 29.5 of the way.
        let zero = 1.9 / 29.5 * 100
        #expect(zeros.count == 4 && zeros.allSatisfy { abs($0.number("x1") - zero) < 0.06 })
        #expect(abs(rects[0][0].number("x") - zero) < 0.06 && abs(rects[0][0].number("width") - (100 - zero)) < 0.06)
        // Intel's loss runs left from the zero line to the scale's start, in the negative colour.
        #expect(rects[1][0].number("x") == 0 && abs(rects[1][0].number("width") - zero) < 0.06)
        #expect(rects[1][0].classes == ["cell-bar-fill", "cell-bar-negative"])
        #expect(rects[3][0].number("width") < rects[0][0].number("width") && rects[3][0].number("width") > rects[2][0].number("width"))
        #expect(column.allSatisfy { $0.contains("aria-hidden=\"true\"") && $0.hasPrefix("<td class=\"num\">") })
        // Every number sits in a box as wide as the widest ("27.6", four characters), so the bars line up.
        #expect(column.allSatisfy { $0.contains("<span class=\"cell-graphic-value\" style=\"min-width: 4ch\">") })
    }

    @Test func heatShadesEachCellByItsStepAndKeepsTheNumber() throws {
        let html = try table(Self.csv + "columns:\n  - company\n  - {key: y2023, heat: true, format: usd_b}\n", with: renderer)
        let column = cells(html).map { $0.count > 1 ? $0[1] : "" }
        #expect(column.map(text) == ["$28.1B", "$25.8B", "$28.1B", "$8.7B"])
        // 8.7 to 28.1 in five steps: 28.1 is the top, 25.8 the fifth step too (over 4/5 of the range), 8.7 the first.
        #expect(
            column.map { SVGElement.all("td", in: $0).first?.classes ?? [] } == [
                ["num", "cell-heat", "cell-heat-5"], ["num", "cell-heat", "cell-heat-5"], ["num", "cell-heat", "cell-heat-5"],
                ["num", "cell-heat", "cell-heat-1"],
            ])
    }

    @Test func sparklinesDrawEachRowWithItsLastValueAndATitle() throws {
        let body = Self.csv + "columns:\n  - company\n  - {label: Capex, spark: [y2023, y2024], format: usd_b}\n"
        let html = try table(body, with: renderer)
        #expect(html.contains("<th scope=\"col\" class=\"num\">Capex</th>"))
        let column = cells(html).map { $0.count > 1 ? $0[1] : "" }
        // The cell's text is the last value; Meta's is missing, so it has no line (one point is no trend).
        #expect(column.map(text) == ["$55.7B", "$23.9B", "\u{2013}", "$21.2B"])
        #expect(SVGElement.all("title", in: column[0]).map(\.text) == ["Y2023 $28.1B, Y2024 $55.7B"])
        #expect(column[0].contains("role=\"img\""))
        #expect(!column[2].contains("<svg"))
        // Microsoft rose: its line ends higher (a smaller y) than it starts, and the end dot sits on the last point.
        let points = try #require(SVGElement.all("polyline", in: column[0]).first?.attributes["points"]).split(separator: " ")
        let first = points[0].split(separator: ",").compactMap { Double($0) }
        let last = points[1].split(separator: ",").compactMap { Double($0) }
        #expect(last[1] < first[1] && last[0] > first[0])
        let end = try #require(SVGElement.all("circle", class: "cell-spark-end", in: column[0]).first)
        #expect(end.number("cx") == last[0] && end.number("cy") == last[1])
        let intel = try #require(SVGElement.all("polyline", in: column[1]).first?.attributes["points"]).split(separator: " ")
        #expect(Double(intel[1].split(separator: ",")[1]) ?? 0 > Double(intel[0].split(separator: ",")[1]) ?? 0)
    }

    @Test func drawingColumnsAreCheckedWhereTheyAreWritten() {
        let both = "data: fin\ncolumns:\n  - {key: year, bar: true, heat: true}\n"
        #expect(
            tableErrors(both, with: renderer) == [
                Diagnostic(at: Article.body(3, 28), BlockIssue.tableDrawings(first: "bar", second: "heat"))
            ])
        let keyed = "data: fin\ncolumns:\n  - {key: year, label: T, spark: [year, revenue_usd_m]}\n"
        #expect(tableErrors(keyed, with: renderer) == [Diagnostic(at: Article.body(3, 6), BlockIssue.sparkWithKey)])
        let unlabelled = "data: fin\ncolumns:\n  - {spark: [year, revenue_usd_m]}\n"
        #expect(
            tableErrors(unlabelled, with: renderer) == [
                Diagnostic(at: Article.body(3, 5), YAMLIssue.missingKey(in: "table column", key: "label"))
            ])
        let short = "data: fin\ncolumns:\n  - {label: T, spark: [year]}\n"
        #expect(
            tableErrors(short, with: renderer) == [
                Diagnostic(
                    at: Article.body(3, 23),
                    YAMLIssue.wrongType(in: "table column", key: "spark", expected: "a list of at least two columns"))
            ])
        let text = "data: fin\ncolumns:\n  - {key: segment, heat: true}\n"
        #expect(tableErrors(text, with: renderer)?.map(\.location) == [Article.body(3, 11)])
        #expect(tableErrors(text, with: renderer)?.first?.message.contains("holds text") == true)
        let unknown = "data: fin\ncolumns:\n  - {label: T, spark: [year, capex]}\n"
        #expect(tableErrors(unknown, with: renderer)?.map(\.location) == [Article.body(3, 30)])
    }
}
