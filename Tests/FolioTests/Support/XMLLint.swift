import Foundation

/// Validates XML with `/usr/bin/xmllint --noout` (Debian's libxml2-utils, installed by the Makefile).
public enum XMLLint {
    public static let path = "/usr/bin/xmllint"

    /// xmllint's complaint, or nil when `xml` is well-formed.
    public static func problems(_ xml: String) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: path) else { return "xmllint is missing at \(path); install libxml2-utils" }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("folio-xmllint-\(UUID().uuidString).svg")
        try Data(xml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--noout", file.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : message
    }
}
