/// What a build changes in the last build's state, entry by entry (nil: removed): the frame
/// appended to the state file. A build after body edits makes one directly and never applies it in
/// memory, so the last state's 100,000 records are neither copied nor compared.
struct StateChange: Sendable {
    var buildID: String
    var inputStamp: String?
    var outputs: [String: String?] = [:]
    var pages: [String: BuildState.PageRecord?] = [:]
    var inputs: [String: BuildState.InputRecord?] = [:]
    /// Set by the commit.
    var spare: BuildState.SpareTree?
    /// After data edits: the derived datasets' records and every dataset's hash (nil: as they were).
    var derived: [String: BuildState.DerivedRecord]?
    var datasetHashes: [String: String]?
    /// The PDFs' page hashes, nil when they are as they were.
    var printHashes: [String: String]?
    /// `InputHashes.structure`, nil when it is as it was.
    var structure: String?

    init(buildID: String, inputStamp: String?, outputs: [String: String?] = [:]) {
        self.buildID = buildID
        self.inputStamp = inputStamp
        self.outputs = outputs
    }

    /// What turns `old` into `new`.
    init(from old: BuildState, to new: BuildState) {
        self.init(buildID: new.buildID, inputStamp: new.inputStamp)
        outputs = Self.changes(from: old.outputs, to: new.outputs)
        pages = Self.changes(from: old.pages, to: new.pages)
        inputs = Self.changes(from: old.inputs, to: new.inputs)
        spare = new.spare
        derived = new.derived
        datasetHashes = new.datasetHashes
        printHashes = new.printHashes
        structure = new.structure
    }

    /// The entries of `new` that are not in `old` as they are, and nil for each key of `old` that `new` has not.
    private static func changes<Value: Equatable>(from old: [String: Value], to new: [String: Value]) -> [String: Value?] {
        var changes: [String: Value?] = [:]
        for (key, value) in new where old[key] != value { changes[key] = value }
        for key in old.keys where new[key] == nil { changes[key] = .some(nil) }
        return changes
    }

    /// The build id of `base`'s output (whose id is `id`) after this change, as `BuildState.buildID(of:)`
    /// gives it for the whole output: the id is an `OutputSum`, so it follows the change alone.
    static func buildID(of base: [String: String], id: String, changing changes: [String: String?]) -> String {
        guard var sum = OutputSum(hex: id) else {
            var outputs = base
            for (path, hash) in changes { outputs[path] = hash }
            return BuildState.buildID(of: outputs)
        }
        for (path, hash) in changes {
            if let old = base[path] { sum.remove(path: path, hash: old) }
            if let hash { sum.add(path: path, hash: hash) }
        }
        return sum.hex
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
        if let printHashes = change.printHashes { state.printHashes = printHashes }
        if let structure = change.structure { state.structure = structure }
        return state
    }
}
