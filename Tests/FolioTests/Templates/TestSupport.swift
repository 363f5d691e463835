import FolioCore

/// Swift Testing has its own `SourceLocation`; in these tests the name means folio's.
typealias SourceLocation = FolioCore.SourceLocation
