import Foundation

/// Test-only fault injection for the output writer: fail, or kill the process, after the Nth write step,
/// so atomicity is tested at every step rather than by luck of timing.
public struct FaultPlan: Sendable, Equatable {
    public enum Action: String, Sendable { case fail, kill }

    public var action: Action
    public var afterSteps: Int

    public init(_ action: Action, afterSteps: Int) {
        self.action = action
        self.afterSteps = afterSteps
    }

    /// Reads `FOLIO_TEST_FAULT=fail:3` or `kill:3` from the environment; nil when unset or malformed.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> FaultPlan? {
        guard let value = environment["FOLIO_TEST_FAULT"] else { return nil }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let action = Action(rawValue: String(parts[0])), let steps = Int(parts[1]) else { return nil }
        return FaultPlan(action, afterSteps: steps)
    }
}

/// An injected write failure (stands for a full disk or an unwritable folder).
struct InjectedFault: Error, CustomStringConvertible {
    let step: Int
    var description: String { "injected fault after write step \(step) (no space left on device)" }
}
