import FolioCore
import FolioTestSupport
import Synchronization
import Testing

@testable import Folio

/// Work shared out between threads must come back in input order, every item done once, with
/// each failed item's errors, whatever the thread count and however uneven the items.
@Suite struct ParallelWorkTests {
    @Test func outputsKeepTheInputOrderAndEveryErrorIsCollected() {
        var random = SeededGenerator(state: 20_261_207)
        for _ in 0..<60 {
            let count = [0, 1, 2, 15, 17, 1000, 2049].randomElement(using: &random) ?? 0
            let jobs = [nil, 1, 2, 3, 8].randomElement(using: &random) ?? nil
            let failing = Set((0..<count).filter { _ in Int.random(in: 0..<10, using: &random) == 0 })
            let runs = Mutex([Int](repeating: 0, count: count))
            var problems = DiagnosticCollector()
            let outputs = ParallelWork.map(Array(0..<count), jobs: jobs, problems: &problems) { item throws(Diagnostics) -> Int in
                runs.withLock { $0[item] += 1 }
                // Uneven work: some items take far longer than the others.
                if item % 97 == 0 { _ = (0..<20_000).reduce(0, &+) }
                if failing.contains(item) {
                    throw Diagnostics([Diagnostic(at: SourceLocation(path: "item-\(item)"), SiteIssue.indexMissing)])
                }
                return item * 2
            }
            #expect(outputs == (0..<count).filter { !failing.contains($0) }.map { $0 * 2 })
            #expect(problems.diagnostics.map(\.location.path) == failing.sorted().map { "item-\($0)" })
            #expect(runs.withLock { $0 }.allSatisfy { $0 == 1 })
        }
    }
}
