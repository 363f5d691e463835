import FolioCore
import Foundation

/// Everything the Print stage can say went wrong.
public enum PrintIssue: DiagnosticReason, Equatable {
    case weasyPrintMissing
    case weasyPrintFailed(status: Int32, output: String)

    public var message: String {
        switch self {
        case .weasyPrintMissing:
            "the PDF needs WeasyPrint, which is not installed; expected the `weasyprint` program on PATH (Debian: `sudo apt-get install weasyprint`)"
        case .weasyPrintFailed(let status, let output):
            "WeasyPrint failed (exit status \(status)): \(output.isEmpty ? "no message" : output)"
        }
    }
}

/// Runs WeasyPrint (Debian's `weasyprint`) as a separate program on a print document.
public enum WeasyPrint {
    /// The `weasyprint` program on `path` (a `PATH`-style list), nil when there is none.
    public static func locate(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for folder in (path ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/weasyprint"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The PDF of the document at `input` (its images relative to it). `sourceDateEpoch` is passed
    /// as `SOURCE_DATE_EPOCH`, so the fonts WeasyPrint subsets carry no clock time: the same
    /// document gives the same bytes.
    public static func render(input: URL, program: String, sourceDateEpoch: Int) throws(Diagnostic) -> [UInt8] {
        let output = input.deletingLastPathComponent().appendingPathComponent("report.pdf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["--quiet", input.path, output.path]
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = String(sourceDateEpoch)
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let at = SourceLocation(path: program)
        do {
            try process.run()
        } catch {
            throw Diagnostic(at: at, PrintIssue.weasyPrintMissing)
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let bytes = FileManager.default.contents(atPath: output.path) else {
            let text = String(decoding: message.suffix(2_000), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Diagnostic(at: at, PrintIssue.weasyPrintFailed(status: process.terminationStatus, output: text))
        }
        return Array(bytes)
    }
}
