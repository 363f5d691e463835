import FolioCore

/// What every error folio reports must satisfy: a place in the right file, and a reason.
public enum DiagnosticChecks {
    /// `firstLine` is the first line the input can occupy in its file (after front matter or a fence).
    public static func check(_ diagnostic: Diagnostic, path: String, firstLine: Int = 1) {
        let location = diagnostic.location
        require(location.path == path, "diagnostic in '\(location.path)', expected '\(path)': \(diagnostic)")
        require(location.line >= firstLine, "diagnostic before line \(firstLine): \(diagnostic)")
        require(location.column >= 1, "diagnostic column below 1: \(diagnostic)")
        require(!diagnostic.message.isEmpty, "diagnostic without a message at \(location)")
    }

    public static func check(_ diagnostics: Diagnostics, path: String, firstLine: Int = 1) {
        require(!diagnostics.all.isEmpty, "Diagnostics thrown empty")
        for diagnostic in diagnostics.all { check(diagnostic, path: path, firstLine: firstLine) }
    }

    public static func check(_ location: SourceLocation, path: String, firstLine: Int = 1) {
        require(location.path == path && location.line >= firstLine && location.column >= 1, "bad location \(location)")
    }
}
