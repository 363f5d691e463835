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
        let threads = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, items.count))
        // Threads take the next few items as they finish, so a slower thread (or item) leaves no core idle at the end.
        let next = Atomic<Int>(0)
        let chunk = max(1, min(16, items.count / (threads * 64)))
        let finished = Mutex<[[(Int, Result<Output, Diagnostics>)]]>([])
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            var done: [(Int, Result<Output, Diagnostics>)] = []
            while case let start = next.add(chunk, ordering: .relaxed).oldValue, start < items.count {
                for index in start..<min(start + chunk, items.count) {
                    do throws(Diagnostics) {
                        done.append((index, .success(try work(items[index]))))
                    } catch {
                        done.append((index, .failure(error)))
                    }
                }
            }
            finished.withLock { $0.append(done) }
        }
        // Each output is moved, never copied: a page's result holds all it was made from.
        var parts = finished.withLock { parts in
            defer { parts = [] }
            return parts
        }
        var collected = [Result<Output, Diagnostics>?](repeating: nil, count: items.count)
        while var done = parts.popLast() {
            while let (index, result) = done.popLast() { collected[index] = result }
        }
        var outputs: [Output] = []
        outputs.reserveCapacity(items.count)
        for index in collected.indices {
            switch collected[index].take() {
            case .success(let output)?: outputs.append(output)
            case .failure(let error)?: problems.add(contentsOf: error.all)
            case nil: break
            }
        }
        return outputs
    }

    /// `work` over `range` cut into consecutive parts of `size` (at least 1), the outputs in
    /// order: for work that cannot fail, on many small items at a time.
    static func map<Output: Sendable>(
        _ range: Range<Int>, by size: Int, jobs: Int?, _ work: @Sendable (Range<Int>) -> Output
    ) -> [Output] {
        let parts = stride(from: range.lowerBound, to: range.upperBound, by: size).map { $0..<min($0 + size, range.upperBound) }
        var none = DiagnosticCollector()
        return map(parts, jobs: jobs, problems: &none) { work($0) }
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
