import Testing

@testable import Folio

/// The build id as a sum over the output's files: a change moves it to what a count of the whole output gives.
@Suite struct OutputSumTests {
    static let outputs = ["index.html": "h1", "charts/a/chart-1.svg": "h2", "a.html": "h3", "b.html": "h4"]

    @Test func aChangeGivesTheIdOfTheWholeNewOutput() throws {
        let id = BuildState.buildID(of: Self.outputs)
        let changes: [String: String?] = ["a.html": "h9", "b.html": String?.none, "c.html": "h5", "index.html": "h1"]
        var after = Self.outputs
        for (path, hash) in changes { after[path] = hash }
        #expect(StateChange.buildID(of: Self.outputs, id: id, changing: changes) == BuildState.buildID(of: after))
        #expect(BuildState.buildID(of: after) != id)
    }

    @Test func anIdSummedInPartsOnSeveralThreadsIsTheOneOfASingleSum() {
        let outputs = Dictionary(uniqueKeysWithValues: (0..<5_000).map { ("entities/firm-\($0).html", "hash \($0 % 97)") })
        var sum = OutputSum()
        for (path, hash) in outputs { sum.add(path: path, hash: hash) }
        #expect(BuildState.buildID(of: outputs) == sum.hex)
        var fewer = outputs
        fewer["entities/firm-4999.html"] = nil
        #expect(BuildState.buildID(of: fewer) != sum.hex)
    }

    @Test func theIdIsTheSameInAnyOrderAndMovesWithAnyFile() {
        var sum = OutputSum()
        for (path, hash) in Self.outputs.sorted(by: { $0.key > $1.key }) { sum.add(path: path, hash: hash) }
        #expect(sum.hex == BuildState.buildID(of: Self.outputs))
        #expect(OutputSum(hex: sum.hex) == sum)
        // A file's hash moved to another path is another site.
        var moved = Self.outputs
        moved["a.html"] = "h4"
        moved["b.html"] = "h3"
        #expect(BuildState.buildID(of: moved) != BuildState.buildID(of: Self.outputs))
        #expect(BuildState.buildID(of: [:]) == String(repeating: "0", count: 64))
    }

    @Test func anIdThatIsNoSumIsCountedAgainFromTheOutput() {
        let changes: [String: String?] = ["a.html": "h9"]
        var after = Self.outputs
        after["a.html"] = "h9"
        #expect(StateChange.buildID(of: Self.outputs, id: "b2", changing: changes) == BuildState.buildID(of: after))
        #expect(OutputSum(hex: String(repeating: "g", count: 64)) == nil)
    }
}
