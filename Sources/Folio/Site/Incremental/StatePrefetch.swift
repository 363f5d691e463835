import Dispatch
import Foundation
import Synchronization

/// The last build's state, read on another thread while the build lists the project and takes
/// the output's lock. It is used only if, with the lock held, the output's marker still names
/// its build; otherwise it is read again.
final class StatePrefetch: Sendable {
    private let output: URL
    private let decoded = Mutex<StateCodec.Decoded?>(nil)
    private let reading = DispatchGroup()

    init(output: URL) {
        self.output = output
        reading.enter()
        DispatchQueue.global().async { [self] in
            let state = BuildStateStore.load(for: output)
            decoded.withLock { $0 = state }
            reading.leave()
        }
    }

    /// What the other thread read, once it has.
    var read: StateCodec.Decoded? {
        reading.wait()
        return decoded.withLock { $0 }
    }

    /// The state of the build in the output; call with the output's lock held.
    func take() -> StateCodec.Decoded? {
        if let state = read, BuildStateStore.isInOutput(state, output: output) { return state }
        return BuildStateStore.load(for: output)
    }
}
