import FolioCore
import FolioData
import FolioQuery

/// Derived datasets kept from the last build, so a build runs only the queries whose inputs changed.
extension BuildState {
    /// A derived dataset's rows as the last build computed them, and what they were computed from.
    public struct DerivedRecord: Codable, Sendable, Equatable {
        /// `InputHashes.derivedFingerprint` when it ran: its query, sidecar and every input, all the way down.
        public var fingerprint: String
        public var reads: [String]
        /// Per column: name, `number` or `text`, unit, label (empty when none).
        public var columns: [[String]]
        /// Each row's cells as text.
        public var rows: [[String]]
    }
}

enum DerivedCache {
    /// The derived datasets of `previous` that `hashes` says are unchanged, ready to be reused. Each
    /// record's reads are the ones it ran with, so the fingerprint is checked against those inputs.
    /// `own`: each dataset's hash of its own files (`InputHashes.ownHashes`).
    static func reusable(from previous: BuildState?, own: [String: String]) -> [String: DerivedDatasets.Reused] {
        guard let records = previous?.derived, !records.isEmpty else { return [:] }
        let hashes = InputHashes.withReads(own, reads: records.mapValues(\.reads))
        var reusable: [String: DerivedDatasets.Reused] = [:]
        for (name, record) in records {
            guard InputHashes.derivedFingerprint(hash: hashes[name]) == record.fingerprint, let dataset = dataset(name, from: record) else {
                continue
            }
            reusable[name] = DerivedDatasets.Reused(dataset: dataset, reads: record.reads)
        }
        return reusable
    }

    /// The records of this build's derived datasets, for the next one.
    static func records(of library: DatasetLibrary, reads: [String: [String]], hashes: InputHashes) -> [String: BuildState.DerivedRecord] {
        var records: [String: BuildState.DerivedRecord] = [:]
        for query in library.queries {
            guard let dataset = library[query.name] else { continue }
            records[query.name] = BuildState.DerivedRecord(
                fingerprint: hashes.derivedFingerprint(query.name), reads: reads[query.name] ?? [],
                columns: dataset.columns.map { [$0.name, $0.isNumeric ? "number" : "text", $0.unit ?? "", $0.label ?? ""] },
                rows: dataset.rows.map { $0.cells.map(\.text) })
        }
        return records
    }

    private static func dataset(_ name: String, from record: BuildState.DerivedRecord) -> Dataset? {
        guard record.columns.allSatisfy({ $0.count == 4 }), record.rows.allSatisfy({ $0.count == record.columns.count }) else {
            return nil
        }
        let columns = record.columns.map {
            DatasetColumn(name: $0[0], isNumeric: $0[1] == "number", unit: $0[2].isEmpty ? nil : $0[2], label: $0[3].isEmpty ? nil : $0[3])
        }
        // The Query stage gives it this build's sidecar, path and row locations.
        let rows = record.rows.map { cells in
            DatasetRow(
                cells: zip(cells, columns).map { text, column in
                    DatasetCell(text: text, number: column.isNumeric && !text.isEmpty ? Double(text) : nil)
                },
                location: SourceLocation(path: name))
        }
        return Dataset(name: name, columns: columns, rows: rows, path: name)
    }
}
