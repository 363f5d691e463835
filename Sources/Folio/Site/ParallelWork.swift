import FolioCore
import Foundation
import Synchronization

/// Runs one piece of work per item on several threads, keeping the input order and collecting every error.
enum ParallelWork {
    /// Every item's output, or each failed item's errors added to `problems`; `jobs`: how many
    /// threads at most (nil: one per core).
    static func map<Input: Sendable, Output: Sendable>(
        _ items: [Input], jobs: Int?, problems: inout DiagnosticCollector, _ work: @Sendable (Input) throws(Diagnostics) -> Output
    ) -> [Output] {
        let results = Mutex<[Int: Result<Output, Diagnostics>]>([:])
        let threads = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, items.count))
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            var index = thread
            while index < items.count {
                let result: Result<Output, Diagnostics>
                do throws(Diagnostics) {
                    result = .success(try work(items[index]))
                } catch {
                    result = .failure(error)
                }
                results.withLock { $0[index] = result }
                index += threads
            }
        }
        var outputs: [Output] = []
        outputs.reserveCapacity(items.count)
        var collected = results.withLock { $0 }
        for index in items.indices {
            switch collected.removeValue(forKey: index) {
            case .success(let output)?: outputs.append(output)
            case .failure(let error)?: problems.add(contentsOf: error.all)
            case nil: break
            }
        }
        return outputs
    }

    /// Every item's output, in order; all the errors of every failed item are thrown together.
    static func map<Input: Sendable, Output: Sendable>(
        _ items: [Input], jobs: Int?, _ work: @Sendable (Input) throws(Diagnostics) -> Output
    ) throws(Diagnostics) -> [Output] {
        var problems = DiagnosticCollector()
        let outputs = map(items, jobs: jobs, problems: &problems, work)
        try problems.throwIfAny()
        return outputs
    }
}
