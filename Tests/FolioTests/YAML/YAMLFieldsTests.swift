import FolioCore
import FolioYAML
import Testing

typealias SourceLocation = FolioCore.SourceLocation

/// The one reader of a mapping's keys that front matter, site.yml, meta files and blocks share.
@Suite struct YAMLFieldsTests {
    static let start = SourceLocation(path: "x.yml", line: 1, column: 1)

    static func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: "x.yml", line: line, column: column)
    }

    static func fields(_ text: String) throws -> YAMLFields {
        try YAMLFields(document: try YAMLReader.read(text, path: "x.yml"), context: "test", start: start)
    }

    @Test func typedReadsReturnTheirValues() throws {
        var fields = try Self.fields("a: Text\nb: true\nc: -12\nd: [x, y]\ne: {k: v}\nf: one\ng: [p, q]\n")
        #expect(fields.text("a") == "Text")
        #expect(fields.bool("b") == true)
        #expect(fields.integer("c") == -12)
        #expect(fields.list("d")?.compactMap(\.text) == ["x", "y"])
        #expect(fields.mapping("e")?.map(\.key) == ["k"])
        #expect(fields.texts("f") == ["one"])
        #expect(fields.texts("g") == ["p", "q"])
        #expect(fields.text("absent") == nil)
        #expect(fields.problems.diagnostics == [])
    }

    @Test func wrongKindsAreReportedAtTheirValuesAndReadingGoesOn() throws {
        var fields = try Self.fields("a: [x]\nb: yes\nc: 1.5\nd: text\ne: [x]\nf: ~\ng: [x, [y]]\nh: \"1\"\n")
        #expect(fields.text("a") == nil)
        #expect(fields.bool("b") == nil)
        #expect(fields.integer("c") == nil)
        #expect(fields.list("d", expected: "a list of things") == nil)
        #expect(fields.mapping("e") == nil)
        #expect(fields.text("f") == nil)
        #expect(fields.texts("g") == ["x"])
        #expect(fields.integer("h") == nil)
        #expect(
            fields.problems.diagnostics == [
                Diagnostic(at: Self.at(1, 4), YAMLIssue.wrongType(in: "test", key: "a", expected: "text")),
                Diagnostic(at: Self.at(2, 4), YAMLIssue.wrongType(in: "test", key: "b", expected: "true or false")),
                Diagnostic(at: Self.at(3, 4), YAMLIssue.wrongType(in: "test", key: "c", expected: "a whole number")),
                Diagnostic(at: Self.at(4, 4), YAMLIssue.wrongType(in: "test", key: "d", expected: "a list of things")),
                Diagnostic(at: Self.at(5, 4), YAMLIssue.wrongType(in: "test", key: "e", expected: "a mapping")),
                Diagnostic(at: Self.at(6, 4), YAMLIssue.wrongType(in: "test", key: "f", expected: "text")),
                Diagnostic(at: Self.at(7, 8), YAMLIssue.wrongType(in: "test", key: "g", expected: "text")),
                Diagnostic(at: Self.at(8, 4), YAMLIssue.wrongType(in: "test", key: "h", expected: "a whole number")),
            ])
    }

    @Test func unknownKeysAreAtTheKeyAndMissingOnesAtTheStart() throws {
        var fields = try Self.fields("title: T\n\ncolour: red\nsize: 3\n")
        fields.refuseKeys(otherThan: ["title", "name"])
        #expect(fields.text("name", required: true) == nil)
        #expect(fields.entries(otherThan: ["title"]).map(\.key) == ["colour", "size"])
        #expect(
            fields.problems.diagnostics == [
                Diagnostic(at: Self.at(3, 1), YAMLIssue.unknownKey(in: "test", key: "colour", known: ["title", "name"])),
                Diagnostic(at: Self.at(4, 1), YAMLIssue.unknownKey(in: "test", key: "size", known: ["title", "name"])),
                Diagnostic(at: Self.start, YAMLIssue.missingKey(in: "test", key: "name")),
            ])
        #expect(
            Diagnostic(at: Self.start, YAMLIssue.missingKey(in: "front matter", key: "title")).description
                == "x.yml:1:1: front matter: no 'title'; expected 'title: …'")
    }

    @Test func aDocumentThatIsNotAMappingIsAnError() throws {
        #expect(throws: Diagnostic(at: Self.at(1, 1), YAMLIssue.notAMapping(in: "test", found: "a list"))) {
            try Self.fields("- a\n")
        }
        #expect(throws: Diagnostic(at: Self.start, YAMLIssue.notAMapping(in: "test", found: "empty"))) {
            try YAMLFields(document: nil, context: "test", start: Self.start)
        }
    }

    @Test func aSourceIsTextOrAMappingWithATitle() throws {
        var fields = try Self.fields(
            "a: Filings\nb: {title: S-1, url: \"https://sec.gov\", date: 2025-03-03}\nc: [x]\nd: {url: u, link: l}\ne: {title: ~}\n")
        #expect(fields.source("a") == Source(title: "Filings"))
        #expect(fields.source("b") == Source(title: "S-1", url: "https://sec.gov", date: "2025-03-03"))
        #expect(fields.source("c") == nil)
        #expect(fields.source("d") == nil)
        #expect(fields.source("e") == nil)
        #expect(
            fields.problems.diagnostics == [
                Diagnostic(at: Self.at(3, 4), YAMLIssue.wrongType(in: "test", key: "c", expected: "text or {title, url, date}")),
                Diagnostic(at: Self.at(4, 13), YAMLIssue.unknownKey(in: "test source", key: "link", known: YAMLFields.sourceKeys)),
                Diagnostic(at: Self.at(4, 4), YAMLIssue.missingKey(in: "test source", key: "title")),
                // Only an absolute http(s) address may be a source's url.
                Diagnostic(at: Self.at(4, 10), YAMLIssue.unsafeSourceURL("u")),
                Diagnostic(at: Self.at(5, 12), YAMLIssue.wrongType(in: "test source", key: "title", expected: "text")),
            ])
    }

    @Test func aNestedMappingsProblemsJoinTheOuterOnes() throws {
        var fields = try Self.fields("units:\n  a: USD\n  b: [x]\n")
        let pairs = fields.mapping("units") ?? []
        #expect(pairs.map(\.key) == ["a", "b"])
        let units = fields.read(pairs, at: fields.valueLocation("units"), context: "test units") { nested in
            pairs.compactMap { nested.text($0.key) }
        }
        #expect(units == ["USD"])
        #expect(
            fields.problems.diagnostics == [
                Diagnostic(at: Self.at(3, 6), YAMLIssue.wrongType(in: "test units", key: "b", expected: "text"))
            ])
    }
}
