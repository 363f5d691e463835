/// What a build after body edits changes in the last build's state, entry by entry (nil: removed).
/// It is appended to the state file as a frame and never applied in memory, so the last state's
/// 100,000 records are neither copied nor compared.
struct StateChange: Sendable {
    var buildID: String
    var inputStamp: String
    var outputs: [String: String?] = [:]
    var pages: [String: BuildState.PageRecord?] = [:]
    var inputs: [String: BuildState.InputRecord?] = [:]
    /// Set by the commit.
    var spare: BuildState.SpareTree?
    /// After data edits: the derived datasets' records and every dataset's hash (nil: as they were).
    var derived: [String: BuildState.DerivedRecord]?
    var datasetHashes: [String: String]?

    /// The hash of `base`'s output after this change, as `BuildState.buildID(of:)` gives it.
    static func buildID(of base: [String: String], changing changes: [String: String?]) -> String {
        var paths = Array(base.keys)
        for (path, hash) in changes where base[path] == nil && hash != nil { paths.append(path) }
        paths.sort()
        var combined = ContentHash.Combining()
        for path in paths {
            guard let hash = changes[path] ?? base[path] else { continue }
            combined.add(path)
            combined.add(hash)
        }
        return combined.finish()
    }
}

extension BuildState {
    /// This state with `change` applied.
    func applying(_ change: StateChange) -> BuildState {
        var state = self
        state.buildID = change.buildID
        state.inputStamp = change.inputStamp
        for (path, hash) in change.outputs { state.outputs[path] = hash }
        for (path, record) in change.pages { state.pages[path] = record }
        for (path, record) in change.inputs { state.inputs[path] = record }
        state.spare = change.spare
        if let derived = change.derived { state.derived = derived }
        if let datasetHashes = change.datasetHashes { state.datasetHashes = datasetHashes }
        return state
    }
}
