import FolioCore
import FolioData
import Testing

private let path = "Content/data/x.json"

@Test func jsonRecordsKeepNumbersAsWritten() throws {
    let data = try read(
        #"[{"year": 2024, "v": 1.10, "big": 1e3, "code": "012345", "ok": true}, {"year": 2025, "v": null, "note": "x"}]"#, .json)
    #expect(data.columns.map(\.name) == ["year", "v", "big", "code", "ok", "note"])
    #expect(data.columns.map(\.isNumeric) == [true, true, true, false, false, false])
    #expect(data.value(row: 0, column: "year") == DatasetCell(text: "2024", number: 2024))
    #expect(data.value(row: 0, column: "v") == DatasetCell(text: "1.10", number: 1.1))
    #expect(data.value(row: 0, column: "big") == DatasetCell(text: "1e3", number: 1000))
    #expect(data.value(row: 0, column: "ok")?.text == "true")
    #expect(data.value(row: 1, column: "v")?.isMissing == true)
    #expect(data.value(row: 0, column: "note")?.isMissing == true)
    #expect(data.rows.map(\.location) == [at(path, 1, 2), at(path, 1, 71)])
}

@Test func jsonObjectWithRows() throws {
    let data = try read("{\n  \"title\": \"t\",\n  \"rows\": [\n    {\"a\": \"x\\u00e9\\ud83d\\ude00\"}\n  ]\n}\n", .json)
    #expect(data.value(row: 0, column: "a")?.text == "xé😀")
    #expect(data.rows[0].location == at(path, 4, 5))
}

@Test func jsonDuplicateKeyIsAnErrorAtTheRepeat() {
    #expect(failure("[{\"a\": 1,\n  \"a\": 2}]", .json) == Diagnostic(at: at(path, 2, 3), DataIssue.jsonDuplicateKey("a")))
}

@Test func jsonDeepNestingIsAnError() {
    let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(failure(text, .json) == Diagnostic(at: at(path, 1, 65), DataIssue.jsonTooDeep(limit: 64)))
}

@Test func jsonNestedValueInARecordIsAnError() {
    #expect(failure("[{\"a\": [1]}]", .json) == Diagnostic(at: at(path, 1, 8), DataIssue.recordNotFlat(key: "a", found: "a list")))
    #expect(failure("[1]", .json) == Diagnostic(at: at(path, 1, 2), DataIssue.recordNotMapping(found: "a number")))
    #expect(
        failure("{\"data\": []}", .json)
            == Diagnostic(at: at(path, 1, 1), DataIssue.notRecords(format: "JSON", found: "an object without 'rows'")))
}

@Test func jsonSyntaxErrorsAreLocated() {
    #expect(failure("[{\"a\": 1,}]", .json) == Diagnostic(at: at(path, 1, 10), DataIssue.jsonSyntax("expected a key in double quotes")))
    #expect(
        failure("[{\"a\": 01}]", .json)
            == Diagnostic(at: at(path, 1, 9), DataIssue.jsonSyntax("leading zero in a number; expected 0 alone or a digit 1-9 first")))
    #expect(
        failure("[{\"a\": \"x]", .json)
            == Diagnostic(at: at(path, 1, 8), DataIssue.jsonSyntax("string never closed; expected a closing '\"'")))
    #expect(
        failure("[] x", .json)
            == Diagnostic(at: at(path, 1, 4), DataIssue.jsonSyntax("text after the end of the document; expected nothing more")))
    #expect(failure("[{\"a\": 1e999}]", .json) == Diagnostic(at: at(path, 1, 8), DataIssue.jsonNumberOutOfRange("1e999")))
}

@Test func jsonInvalidUTF8IsAnError() {
    #expect(
        failure(Array("[{\"a\":\n \"".utf8) + [0xC0, 0xAF] + Array("\"}]".utf8), .json)
            == Diagnostic(at: at(path, 2, 3), DataIssue.invalidUTF8))
}
