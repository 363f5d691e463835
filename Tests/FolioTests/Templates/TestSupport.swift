import FolioCore

/// Swift Testing has its own `SourceLocation`; in these tests the name means folio's.
typealias SourceLocation = FolioCore.SourceLocation

/// The diagnostics `body` throws, or an empty list when it succeeds.
func diagnostics(of body: () throws -> Void) -> [Diagnostic] {
    do {
        try body()
        return []
    } catch let many as Diagnostics {
        return many.all
    } catch let one as Diagnostic {
        return [one]
    } catch {
        return [Diagnostic(at: SourceLocation(path: "?"), message: "unexpected \(error)")]
    }
}
