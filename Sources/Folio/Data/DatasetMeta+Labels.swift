import FolioCore
import FolioYAML

extension DatasetMeta {
    /// The language a `labels_LANG` key is for (`labels_zh` → `zh`, `labels_zh-Hant` → `zh-Hant`): two or
    /// three lowercase ASCII letters, then optional `-` parts of ASCII letters and digits. Nil for any other key.
    public static func labelsLanguage(ofKey key: String) -> String? {
        guard key.hasPrefix("labels_") else { return nil }
        let tag = key.dropFirst("labels_".count)
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count), primary.allSatisfy({ ("a"..."z").contains($0) }) else {
            return nil
        }
        let rest = parts.dropFirst()
        guard rest.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }) else { return nil }
        return String(tag)
    }

    /// Reads `labels:` and every `labels_LANG:` mapping of `fields`, recording where each column was named.
    mutating func readLabels(_ fields: inout YAMLFields) {
        labels = readLabelMapping("labels", in: &fields)
        for entry in fields.entries {
            guard let language = Self.labelsLanguage(ofKey: entry.key) else { continue }
            languageLabels[language] = readLabelMapping(entry.key, in: &fields)
        }
    }

    /// One mapping of column to label; a value that is not text is an error at the value.
    private mutating func readLabelMapping(_ key: String, in fields: inout YAMLFields) -> [String: String] {
        guard let pairs = fields.mapping(key, expected: "a mapping of column to label") else { return [:] }
        for pair in pairs { labelLocations[key, default: [:]][pair.key] = pair.keyLocation }
        return fields.read(pairs, at: fields.valueLocation(key), context: "meta \(key)") { labels in
            var read: [String: String] = [:]
            for pair in pairs { read[pair.key] = labels.text(pair.key) }
            return read
        }
    }

    /// A unit or label for a column `dataset` does not have, at the column's key: units first, then labels
    /// by key, each in column order by name.
    public func unknownColumns(of dataset: Dataset) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (column, location) in unitLocations.sorted(by: { $0.key < $1.key }) where dataset.column(named: column) == nil {
            problems.append(Diagnostic(at: location, DataIssue.metaUnitForUnknownColumn(column, dataset: dataset.name)))
        }
        let known = dataset.columns.map(\.name)
        for (key, columns) in labelLocations.sorted(by: { $0.key < $1.key }) {
            for (column, location) in columns.sorted(by: { $0.key < $1.key }) where dataset.column(named: column) == nil {
                problems.append(
                    Diagnostic(at: location, DataIssue.metaLabelForUnknownColumn(column, key: key, dataset: dataset.name, known: known)))
            }
        }
        return problems
    }
}
