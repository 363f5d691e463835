import FolioCore
import FolioData
import Testing

private let path = "Content/data/x.csv"

@Test func csvKeepsTextAndTypesColumns() throws {
    let data = try read("year,code,share,name\n2024,012345,1.10,NO\n2025,000001,-2,\"a, \"\"b\"\"\"\n", .csv)
    #expect(
        data.columns == [
            DatasetColumn(name: "year", isNumeric: true), DatasetColumn(name: "code", isNumeric: false),
            DatasetColumn(name: "share", isNumeric: true), DatasetColumn(name: "name", isNumeric: false),
        ])
    #expect(data.value(row: 0, column: "year") == DatasetCell(text: "2024", number: 2024))
    #expect(data.value(row: 0, column: "code") == DatasetCell(text: "012345"))
    #expect(data.value(row: 0, column: "share") == DatasetCell(text: "1.10", number: 1.1))
    #expect(data.value(row: 0, column: "name") == DatasetCell(text: "NO"))
    #expect(data.value(row: 1, column: "name")?.text == "a, \"b\"")
    #expect(data.rows.map(\.location) == [at(path, 2, 1), at(path, 3, 1)])
    #expect(data.path == path)
}

@Test func csvEmptyCellIsMissingNotZero() throws {
    let data = try read("a,b\n1,\n,2\n", .csv)
    #expect(data.columns.map(\.isNumeric) == [true, true])
    #expect(data.value(row: 0, column: "b") == DatasetCell(text: ""))
    #expect(data.value(row: 0, column: "b")?.isMissing == true)
    #expect(data.value(row: 1, column: "a")?.number == nil)
}

@Test func csvAcceptsBOMAndCRLF() throws {
    let data = try read([0xEF, 0xBB, 0xBF] + Array("name,value\r\n\"x\r\ny\",1\r\nz,2\r\n".utf8), .csv)
    #expect(data.columns.map(\.name) == ["name", "value"])
    #expect(data.rows.map { $0.cells.map(\.text) } == [["x\r\ny", "1"], ["z", "2"]])
    #expect(data.rows.map(\.location.line) == [2, 4])
}

@Test func csvTrailingBlankLinesAreFine() throws {
    #expect(try read("a,b\n1,2\n\n\n", .csv).rows.count == 1)
    #expect(try read("a,b\n1,2", .csv).rows.count == 1)
}

@Test func csvBlankLineInTheMiddleIsARowWithTooFewCells() {
    #expect(failure("a,b\n1,2\n\n3,4\n", .csv) == Diagnostic(at: at(path, 3, 1), DataIssue.csvCellCount(found: 1, expected: 2)))
}

@Test func csvBlankLineWithOneColumnIsAMissingCell() throws {
    let data = try read("a\n1\n\n3\n", .csv)
    #expect(data.rows.map { $0.cells[0].text } == ["1", "", "3"])
}

@Test func csvRaggedRowsAreErrorsAtTheirLine() {
    #expect(failure("a,b,c\n1,2,3\n1,2,3,4\n", .csv) == Diagnostic(at: at(path, 3, 1), DataIssue.csvCellCount(found: 4, expected: 3)))
    #expect(failure("a,b,c\n1,2\n", .csv) == Diagnostic(at: at(path, 2, 1), DataIssue.csvCellCount(found: 2, expected: 3)))
}

@Test func csvUnterminatedQuoteIsReportedAtTheOpeningQuote() {
    #expect(failure("a,b\n1,\"two\n3,4\n5,6\n", .csv) == Diagnostic(at: at(path, 2, 3), DataIssue.csvUnterminatedQuote))
}

@Test func csvQuoteInsideAnUnquotedFieldIsAnError() {
    #expect(failure("a,b\n1,tw\"o\n", .csv) == Diagnostic(at: at(path, 2, 5), DataIssue.csvQuoteInUnquotedField))
    #expect(failure("a,b\n1,\"two\"x\n", .csv) == Diagnostic(at: at(path, 2, 8), DataIssue.csvTextAfterClosingQuote))
}

@Test func csvHeaderProblems() {
    #expect(failure("a,b,a\n1,2,3\n", .csv) == Diagnostic(at: at(path, 1, 5), DataIssue.csvRepeatedHeader("a")))
    #expect(failure("a,,c\n1,2,3\n", .csv) == Diagnostic(at: at(path, 1, 3), DataIssue.csvEmptyHeader(column: 2)))
    #expect(failure("", .csv) == Diagnostic(at: at(path, 1, 1), DataIssue.csvNoHeader))
}

@Test func csvInvalidUTF8IsReportedAtTheFirstBadByte() {
    let bytes = Array("name,v\nok,1\ncaf".utf8) + [0xE9] + Array(",2\n".utf8)
    #expect(failure(bytes, .csv) == Diagnostic(at: at(path, 3, 4), DataIssue.invalidUTF8))
    let afterMultibyte = Array("n\né".utf8) + [0xFF]
    #expect(failure(afterMultibyte, .csv) == Diagnostic(at: at(path, 2, 2), DataIssue.invalidUTF8))
}

@Test func csvNulByteIsAnError() {
    #expect(failure(Array("a,b\n1,".utf8) + [0] + Array("\n".utf8), .csv) == Diagnostic(at: at(path, 2, 3), DataIssue.nulByte))
}

@Test func csvBareCarriageReturnIsAnError() {
    #expect(failure("a,b\r1,2\n", .csv) == Diagnostic(at: at(path, 1, 4), DataIssue.csvBareCarriageReturn))
}

@Test func aFileWhoseLinesEndInCarriageReturnsAloneSaysSo() {
    let problem = failure("a,b\r1,2\r3,4\r", .csv)
    #expect(problem == Diagnostic(at: at(path, 1, 4), DataIssue.csvCarriageReturnLines))
    #expect(problem?.message.contains("carriage return alone") == true)
}

@Test func csvColumnsCountUnicodeScalars() {
    #expect(failure("a,b\né,\"x\n", .csv) == Diagnostic(at: at(path, 2, 3), DataIssue.csvUnterminatedQuote))
}

/// Thousands of rows (the 20 MB read is in the benchmark, `bench/run.py`): every row is kept, columns
/// are typed over all of them, and the last row knows its line.
@Test func manyRowsRead() throws {
    let count = 5_000
    func line(_ i: Int) -> String { "\(2000 + i % 25),-\(i).4,\"CoreWeave, Inc. \(i)\",0\(10_000 + i)\n" }
    var text = "year,value,name,code\n"
    for i in 0..<count { text += line(i) }
    let data = try read(text, .csv)
    #expect(data.rows.count == count)
    #expect(data.columns.map(\.isNumeric) == [true, true, false, false])
    #expect(data.rows.last?.location == at(path, count + 1, 1))
    #expect(
        data.rows.last?.cells.map(\.text) == [
            "\(2000 + (count - 1) % 25)", "-\(count - 1).4", "CoreWeave, Inc. \(count - 1)", "0\(10_000 + count - 1)",
        ])
    #expect(data.value(row: 2_500, column: "value") == DatasetCell(text: "-2500.4", number: -2500.4))
}
