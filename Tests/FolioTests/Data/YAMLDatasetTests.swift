import FolioCore
import FolioData
import FolioYAML
import Testing

private let path = "Content/data/x.yaml"

@Test func yamlRecordsKeepValuesAsWritten() throws {
    let data = try read("rows:\n  - {year: 2024, answer: NO, code: 012345, v: 1.10}\n  - year: 2025\n    v: ~\n", .yaml)
    #expect(data.columns.map(\.name) == ["year", "answer", "code", "v"])
    #expect(data.columns.map(\.isNumeric) == [true, false, false, true])
    #expect(data.value(row: 0, column: "answer")?.text == "NO")
    #expect(data.value(row: 0, column: "code")?.text == "012345")
    #expect(data.value(row: 0, column: "v") == DatasetCell(text: "1.10", number: 1.1))
    #expect(data.value(row: 1, column: "v")?.isMissing == true)
    #expect(data.value(row: 1, column: "answer")?.isMissing == true)
    #expect(data.rows.map(\.location) == [at(path, 2, 5), at(path, 3, 5)])
}

@Test func yamlDatasetErrors() {
    #expect(failure("- a: [1]\n", .yaml) == Diagnostic(at: at(path, 1, 6), DataIssue.recordNotFlat(key: "a", found: "a list")))
    #expect(
        failure("a: 1\n", .yaml) == Diagnostic(at: at(path, 1, 1), DataIssue.notRecords(format: "YAML", found: "a mapping without 'rows'")))
    #expect(failure("- a: 1\n  a: 2\n", .yaml) == Diagnostic(at: at(path, 2, 3), YAMLIssue.duplicateKey("a")))
    #expect(failure("", .yaml) == Diagnostic(at: at(path, 1, 1), DataIssue.notRecords(format: "YAML", found: "an empty document")))
    #expect(failure(Array("- a: ".utf8) + [0xFE], .yaml) == Diagnostic(at: at(path, 1, 6), DataIssue.invalidUTF8))
}
