import Dispatch
import FolioCore
import Foundation
import Synchronization

/// The spare tree a build makes its site in, linked from the output on another core while the
/// build reads and renders, when the output has none: a first build leaves none, as linking each
/// of its pages a second time would cost it a tenth of its time. The tree's marker is written
/// last, so a build stopped halfway leaves a tree the next build does not trust.
final class SpareMaker: Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let made = Mutex<BuildState.SpareTree?>(nil)

    /// Starts linking `spare` to the files of `output`, whose build `state` describes.
    private init(spare: URL, output: URL, state: BuildState) {
        DispatchQueue.global().async { [self] in
            let tree = try? OutputWriter.linkSpare(spare, to: output, paths: state.outputs.keys, buildID: state.buildID)
            made.withLock { $0 = tree }
            finished.signal()
        }
    }

    /// A maker for the output `writer` replaces, when `previous` (its state) has no spare tree
    /// that is still in place; nil when it has one.
    static func start(for writer: OutputWriter, previous: BuildState) -> SpareMaker? {
        if let record = previous.spare, SpareContents.matches(at: writer.spare, record: record) { return nil }
        guard FileManager.default.fileExists(atPath: writer.output.path) else { return nil }
        return SpareMaker(spare: writer.spare, output: writer.output, state: previous)
    }

    /// Waits for the tree: its record, or nil when it could not be made (the commit then makes its tree anew).
    func wait() -> BuildState.SpareTree? {
        finished.wait()
        finished.signal()
        return made.withLock { $0 }
    }
}

extension BuildState {
    /// The state with the spare tree `maker` made, once it is made (itself without a maker, or when it failed).
    func withSpare(from maker: SpareMaker?) -> BuildState {
        guard let made = maker?.wait() else { return self }
        var state = self
        state.spare = made
        return state
    }
}
