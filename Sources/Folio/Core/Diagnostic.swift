/// The reason half of a diagnostic. Each stage keeps all of its message text in one enum.
public protocol DiagnosticReason: Sendable {
    /// "what was wrong; what was expected".
    var message: String { get }
}

/// One input error: where it is and what was wrong. Printed as `path:line:col: message`.
public struct Diagnostic: Error, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(at location: SourceLocation, _ reason: some DiagnosticReason) {
        self.location = location
        self.message = reason.message
    }

    public init(at location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}

/// All the input errors of one build, sorted and without repeats.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    public let all: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.all = Array(Set(diagnostics)).sorted()
    }

    public var description: String { all.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while a stage goes on, so one build reports every error at once.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var isEmpty: Bool { diagnostics.isEmpty }

    public mutating func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public mutating func add(contentsOf others: [Diagnostic]) { diagnostics.append(contentsOf: others) }

    /// Runs `body`, recording the diagnostic it throws instead of propagating it.
    @discardableResult
    public mutating func capture<T>(_ body: () throws(Diagnostic) -> T) -> T? {
        do {
            return try body()
        } catch {
            add(error)
            return nil
        }
    }

    /// Runs `body`, recording the diagnostics it throws instead of propagating them.
    @discardableResult
    public mutating func captureAll<T>(_ body: () throws(Diagnostics) -> T) -> T? {
        do {
            return try body()
        } catch {
            add(contentsOf: error.all)
            return nil
        }
    }

    /// Throws everything collected, if anything was.
    public func throwIfAny() throws(Diagnostics) {
        if !diagnostics.isEmpty { throw Diagnostics(diagnostics) }
    }
}
