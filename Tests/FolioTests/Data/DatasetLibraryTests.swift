import FolioCore
import FolioData
import FolioYAML
import Foundation
import Testing

private func file(_ name: String, _ text: String) -> DatasetFile {
    DatasetFile(name: name, bytes: Array(text.utf8))
}

private func failures(_ files: [DatasetFile]) -> [Diagnostic] {
    do {
        _ = try DatasetLibrary(files: files, basePath: "Content/data")
        return []
    } catch {
        return error.all
    }
}

private let meta = """
    title: CoreWeave financials
    source:
      title: CoreWeave S-1
      url: https://example.com/s1
      date: 2025-03-03
    units:
      net_loss_usd_m: USD millions
    notes: Fiscal years.

    """

@Test func libraryLoadsDatasetsWithTheirMeta() throws {
    let library = try DatasetLibrary(
        files: [
            file("b.json", "[{\"x\": 1}]"), file("a.csv", "year,net_loss_usd_m\n2024,-863.4\n"), file("a.meta.yml", meta),
            file(".DS_Store", "\u{1}"),
        ],
        basePath: "Content/data")
    #expect(library.names == ["a", "b"])
    let dataset = try #require(library["a"])
    #expect(dataset.path == "Content/data/a.csv")
    #expect(dataset.column(named: "net_loss_usd_m") == DatasetColumn(name: "net_loss_usd_m", isNumeric: true, unit: "USD millions"))
    #expect(
        dataset.meta
            == DatasetMeta(
                title: "CoreWeave financials",
                source: Source(title: "CoreWeave S-1", url: "https://example.com/s1", date: "2025-03-03"),
                units: ["net_loss_usd_m": "USD millions"], notes: ["Fiscal years."]))
}

@Test func libraryCollectsEveryErrorSorted() {
    let files = [
        file("z.csv", "a,b\n1\n"), file("a.csv", "x\n1\n"), file("a.yaml", "- x: 1\n"), file("lonely.meta.yml", "title: t\n"),
        file("m.csv", "x\n1\n"), file("m.meta.yml", "title: t\ncolour: red\n"), file("u.csv", "x\n1\n"),
        file("u.meta.yml", "units:\n  y: USD\n"),
        file("notes.txt", "hi"), file("bad.name.csv", "x\n1\n"),
    ]
    #expect(
        failures(files) == [
            Diagnostic(at: at("Content/data/a.yaml", 1, 1), DataIssue.duplicateDataset("a", other: "Content/data/a.csv")),
            Diagnostic(at: at("Content/data/bad.name.csv", 1, 1), DataIssue.badDatasetName("bad.name")),
            Diagnostic(at: at("Content/data/lonely.meta.yml", 1, 1), DataIssue.metaWithoutDataset("lonely")),
            Diagnostic(at: at("Content/data/m.meta.yml", 2, 1), YAMLIssue.unknownKey(in: "meta", key: "colour", known: DatasetMeta.keys)),
            Diagnostic(at: at("Content/data/notes.txt", 1, 1), DataIssue.unsupportedFile("notes.txt")),
            Diagnostic(at: at("Content/data/u.meta.yml", 2, 3), DataIssue.metaUnitForUnknownColumn("y", dataset: "u")),
            Diagnostic(at: at("Content/data/z.csv", 2, 1), DataIssue.csvCellCount(found: 1, expected: 2)),
        ])
}

@Test func libraryOrderDoesNotDependOnInputOrder() throws {
    let files = [file("b.csv", "x\n1\n"), file("a.csv", "x\n2\n"), file("b.json", "[]"), file("a.json", "[]")]
    #expect(failures(files) == failures(files.reversed()))
}

/// The diagnostics reading `text` as a meta file reports, or an empty list when it reads.
private func metaErrors(_ text: String) -> [Diagnostic] {
    do {
        _ = try DatasetMeta(yamlText: text, path: "m.yml")
        return []
    } catch {
        return error.all
    }
}

@Test func metaSourceIsTextOrAMappingWithATitle() throws {
    #expect(try DatasetMeta(yamlText: "source: Company filings\n", path: "m.yml").source == Source(title: "Company filings"))
    #expect(
        try DatasetMeta(yamlText: "source: {title: S-1, url: \"https://x.org\", date: 2025}\n", path: "m.yml").source
            == Source(title: "S-1", url: "https://x.org", date: "2025"))
    #expect(
        metaErrors("source:\n  link: x\n") == [
            Diagnostic(at: at("m.yml", 2, 3), YAMLIssue.missingKey(in: "meta source", key: "title")),
            Diagnostic(at: at("m.yml", 2, 3), YAMLIssue.unknownKey(in: "meta source", key: "link", known: YAMLFields.sourceKeys)),
        ])
    #expect(
        metaErrors("source: [a]\n") == [
            Diagnostic(at: at("m.yml", 1, 9), YAMLIssue.wrongType(in: "meta", key: "source", expected: "text or {title, url, date}"))
        ])
}

@Test func metaReportsEveryProblemAtItsPlace() {
    #expect(
        metaErrors("title: [a]\ncolour: red\nunits: {a: [b]}\nnotes: [x, {y: z}]\n") == [
            Diagnostic(at: at("m.yml", 1, 8), YAMLIssue.wrongType(in: "meta", key: "title", expected: "text")),
            Diagnostic(at: at("m.yml", 2, 1), YAMLIssue.unknownKey(in: "meta", key: "colour", known: DatasetMeta.keys)),
            Diagnostic(at: at("m.yml", 3, 12), YAMLIssue.wrongType(in: "meta units", key: "a", expected: "text")),
            Diagnostic(at: at("m.yml", 4, 12), YAMLIssue.wrongType(in: "meta", key: "notes", expected: "text")),
        ])
    #expect(metaErrors("- a\n") == [Diagnostic(at: at("m.yml", 1, 1), YAMLIssue.notAMapping(in: "meta", found: "a list"))])
}

@Test func libraryLoadsAFolder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-data-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("x\n1\n".utf8).write(to: folder.appendingPathComponent("a.csv"))
    let library = try DatasetLibrary.load(folder: folder, basePath: "Content/data")
    #expect(library.names == ["a"])
    #expect(try DatasetLibrary.load(folder: folder.appendingPathComponent("missing"), basePath: "Content/data").names == [])
}

@Test func aFileNameNamesItsDatasetAndKind() {
    let cases: [(String, String, DatasetFileName.Kind)] = [
        ("sales.csv", "sales", .data(.csv)), ("sales.YML", "sales", .data(.yaml)), ("sales.meta.yml", "sales", .meta),
        ("bad.name.json", "bad.name", .data(.json)), ("x.yaml", "x", .data(.yaml)),
    ]
    for (file, dataset, kind) in cases {
        #expect(DatasetFileName(file)?.dataset == dataset, "\(file)")
        #expect(DatasetFileName(file)?.kind == kind, "\(file)")
    }
    #expect(DatasetFileName("notes.txt") == nil)
    #expect(DatasetFileName("README") == nil)
}

@Test func onlyPlainNamesAreDatasetNames() {
    for name in ["sales", "Sales_2024", "a-b", "9"] { #expect(DatasetLibrary.isPlainName(name), "\(name)") }
    for name in ["", "-a", "a.b", "a/b", "..", "fïn", "a b", "%2e"] { #expect(!DatasetLibrary.isPlainName(name), "\(name)") }
}

/// A CSV dataset is checked when the library is made, and parsed on its first read: one that
/// nothing reads costs its bytes, and a read gives what an eager parse gives.
@Test func csvDatasetsAreCheckedNowAndParsedOnFirstRead() throws {
    let text = "year,value,name\n2023,1.5,a\n2024,,b\n2025,3,\"c, d\"\n"
    let library = try DatasetLibrary(
        files: [file("a.csv", text), file("a.meta.yml", meta.replacingOccurrences(of: "net_loss_usd_m", with: "value"))],
        basePath: "Content/data")
    #expect(!library.isParsed("a"))
    let eager = try DatasetReader.read(
        Array(text.utf8), format: .csv, name: "a", path: "Content/data/a.csv",
        meta: try DatasetReader.readMeta(Array(meta.replacingOccurrences(of: "net_loss_usd_m", with: "value").utf8), path: "m"))
    #expect(library["a"]?.rows == eager.rows)
    #expect(library["a"]?.columns == eager.columns)
    #expect(library["a"]?.columns.map(\.unit) == [nil, "USD millions", nil])
    #expect(library.isParsed("a"))

    // Bad rows are still errors when the library is made, though no rows are kept.
    #expect(
        failures([file("b.csv", "x,y\n1,2\n3\n")]) == [
            Diagnostic(at: SourceLocation(path: "Content/data/b.csv", line: 3, column: 1), DataIssue.csvCellCount(found: 1, expected: 2))
        ])
}

/// Datasets a previous build read without a problem are read whole on first use: until then
/// nothing of them is parsed, sidecar included, and a read gives what a checked library gives.
@Test func trustedDatasetsAreReadOnFirstUseAndGiveTheSameRows() throws {
    let files = [
        file("a.csv", "year,net_loss_usd_m\n2023,-593.7\n2024,-863.4\n"), file("a.meta.yml", meta),
        file("b.json", #"[{"k": "x", "v": 1}, {"k": "y", "v": 2.5}]"#),
    ]
    let checked = try DatasetLibrary(files: files, basePath: "Content/data")
    let trusted = try DatasetLibrary(files: files, basePath: "Content/data", trusted: ["a", "b"])
    #expect(!trusted.isParsed("a"))
    #expect(!trusted.isParsed("b"))
    #expect(checked.isParsed("b"))
    for name in ["a", "b"] {
        #expect(trusted[name]?.rows == checked[name]?.rows, "\(name)")
        #expect(trusted[name]?.columns == checked[name]?.columns, "\(name)")
        #expect(trusted[name]?.meta == checked[name]?.meta, "\(name)")
    }
    #expect(trusted["a"]?.columns.map(\.unit) == [nil, "USD millions"])
    #expect(trusted.isParsed("a"))
}

/// A trusted sidecar that names row sources is checked now all the same: the check reads other
/// datasets, which may have changed.
@Test func aTrustedSidecarNamingRowSourcesIsCheckedAgain() {
    let files = [
        file("plans.csv", "company,plan_usd_b,plan_ref\nMeta,65,r9\n"),
        file("plans.meta.yml", "source_column: {plan_usd_b: plan_ref}\nsources: refs\n"),
        file("refs.csv", "id,title\nr1,Press release\n"),
    ]
    do {
        _ = try DatasetLibrary(files: files, basePath: "Content/data", trusted: ["plans", "refs"])
        Issue.record("an id with no row in refs must be an error")
    } catch {
        #expect(error.all.map(\.location.path) == ["Content/data/plans.csv"])
    }
}
