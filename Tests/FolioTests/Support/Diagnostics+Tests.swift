import FolioCore

/// The diagnostics `body` throws, or an empty list when it succeeds.
public func diagnostics(of body: () throws -> Void) -> [Diagnostic] {
    do {
        try body()
        return []
    } catch let many as Diagnostics {
        return many.all
    } catch let one as Diagnostic {
        return [one]
    } catch {
        return [Diagnostic(at: FolioCore.SourceLocation(path: "?"), message: "unexpected \(error)")]
    }
}
