import FolioCore
import FolioData
import FolioYAML
import Testing

/// `labels:` and `labels_LANG:` in a sidecar: read, attached to columns, and checked against the dataset.
@Suite struct DatasetLabelTests {
    static let csv = "quarter,adjusted_ebitda_usd_m,interest_usd_m\nQ1,10,2\n"

    func file(_ name: String, _ text: String) -> DatasetFile {
        DatasetFile(name: name, bytes: Array(text.utf8))
    }

    func library(meta: String) throws(Diagnostics) -> DatasetLibrary {
        try DatasetLibrary(files: [file("q.csv", Self.csv), file("q.meta.yml", meta)], basePath: "Content/data")
    }

    func failures(meta: String) -> [Diagnostic] {
        do {
            _ = try library(meta: meta)
            return []
        } catch {
            return error.all
        }
    }

    @Test func metaReadsLabelsAndLabelsByLanguage() throws {
        let text = """
            labels: {adjusted_ebitda_usd_m: Adjusted EBITDA, interest_usd_m: "Interest, net"}
            labels_zh:
              adjusted_ebitda_usd_m: 调整后EBITDA
            labels_zh-Hant: {interest_usd_m: 利息}

            """
        #expect(
            try DatasetMeta(yamlText: text, path: "m.yml")
                == DatasetMeta(
                    labels: ["adjusted_ebitda_usd_m": "Adjusted EBITDA", "interest_usd_m": "Interest, net"],
                    languageLabels: ["zh": ["adjusted_ebitda_usd_m": "调整后EBITDA"], "zh-Hant": ["interest_usd_m": "利息"]]))
    }

    @Test func aColumnCarriesItsLabel() throws {
        let dataset = try #require(try library(meta: "labels: {adjusted_ebitda_usd_m: Adjusted EBITDA}\n")["q"])
        #expect(
            dataset.columns == [
                DatasetColumn(name: "quarter", isNumeric: false),
                DatasetColumn(name: "adjusted_ebitda_usd_m", isNumeric: true, label: "Adjusted EBITDA"),
                DatasetColumn(name: "interest_usd_m", isNumeric: true),
            ])
    }

    @Test func aLabelForAMissingColumnIsAnErrorAtItsKeyListingTheColumns() {
        let known = ["quarter", "adjusted_ebitda_usd_m", "interest_usd_m"]
        #expect(
            failures(meta: "labels:\n  ebitda: EBITDA\n  quarter: Quarter\nlabels_zh: {revenue: 收入}\n") == [
                Diagnostic(
                    at: at("Content/data/q.meta.yml", 2, 3),
                    DataIssue.metaLabelForUnknownColumn("ebitda", key: "labels", dataset: "q", known: known)),
                Diagnostic(
                    at: at("Content/data/q.meta.yml", 4, 13),
                    DataIssue.metaLabelForUnknownColumn("revenue", key: "labels_zh", dataset: "q", known: known)),
            ])
    }

    @Test func theMessageNamesTheKeyTheColumnAndTheColumnsThereAre() {
        #expect(
            DataIssue.metaLabelForUnknownColumn("ebitda", key: "labels", dataset: "q", known: ["quarter", "interest_usd_m"]).message
                == "meta labels: label for column 'ebitda', which dataset 'q' does not have; expected one of quarter, interest_usd_m")
        #expect(
            DataIssue.metaLabelForUnknownColumn("ebitda", key: "labels_zh", dataset: "q", known: []).message
                == "meta labels_zh: label for column 'ebitda', which dataset 'q' does not have; expected a dataset with columns")
    }

    @Test func aLabelThatIsNotTextIsAnErrorAtItsValue() {
        #expect(
            failures(meta: "labels: {quarter: [Q], interest_usd_m: ~}\nlabels_zh: {quarter: {a: b}}\nlabels_en: Quarter\n") == [
                Diagnostic(
                    at: at("Content/data/q.meta.yml", 1, 19), YAMLIssue.wrongType(in: "meta labels", key: "quarter", expected: "text")),
                Diagnostic(
                    at: at("Content/data/q.meta.yml", 1, 40),
                    YAMLIssue.wrongType(in: "meta labels", key: "interest_usd_m", expected: "text")),
                Diagnostic(
                    at: at("Content/data/q.meta.yml", 2, 22), YAMLIssue.wrongType(in: "meta labels_zh", key: "quarter", expected: "text")),
                Diagnostic(
                    at: at("Content/data/q.meta.yml", 3, 12),
                    YAMLIssue.wrongType(in: "meta", key: "labels_en", expected: "a mapping of column to label")),
            ])
    }

    @Test func keysThatAreNotLabelsOfALanguageAreUnknown() {
        let keys = ["labels_", "labels_ZH", "labels_z", "labels_zh_TW", "labels_zh-", "labels_LANG", "label", "labels_chinese"]
        let text = keys.map { "\($0): {quarter: Q}\n" }.joined()
        #expect(
            failures(meta: text)
                == keys.indices.map { line in
                    Diagnostic(
                        at: at("Content/data/q.meta.yml", line + 1, 1),
                        YAMLIssue.unknownKey(in: "meta", key: keys[line], known: DatasetMeta.keys))
                })
    }

    @Test(arguments: [
        ("labels_zh", "zh"), ("labels_en", "en"), ("labels_zh-Hant", "zh-Hant"), ("labels_pt-BR", "pt-BR"), ("labels_yue", "yue"),
    ])
    func aLabelsKeyNamesItsLanguage(key: String, language: String) {
        #expect(DatasetMeta.labelsLanguage(ofKey: key) == language)
    }
}
