import Folio
import FolioCore
import Foundation
import Testing

/// Swift Testing has its own `SourceLocation`; in these tests the name means folio's.
typealias SourceLocation = FolioCore.SourceLocation

/// A whole project written from one string of `-- path --` blocks (Hugo's txtar style), in a fresh
/// temporary folder. The default theme is added unless the fixture brings its own Templates/.
struct SiteFixture {
    let root: URL

    init(_ text: String, theme: Bool = true, reversedWriteOrder: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-test-\(UUID().uuidString)")
        var files = Self.parse(text)
        if theme { files += Scaffold.themeFiles.map { ("Templates/" + $0.path, $0.bytes) } }
        if reversedWriteOrder { files.reverse() }
        for (path, bytes) in files { try write(path, bytes) }
    }

    static func parse(_ text: String) -> [(String, [UInt8])] {
        var files: [(String, [UInt8])] = []
        var current: String?
        var lines: [Substring] = []
        func flush() {
            if let current { files.append((current, Array((lines.joined(separator: "\n") + "\n").utf8))) }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --") {
                flush()
                current = String(line.dropFirst(3).dropLast(3))
                lines = []
            } else {
                lines.append(line)
            }
        }
        flush()
        return files
    }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func write(_ path: String, _ text: String) throws { try write(path, Array(text.utf8)) }

    var layout: ProjectLayout { ProjectLayout(base: root) }

    @discardableResult
    func build(_ options: BuildOptions = BuildOptions()) throws -> BuildSummary {
        try Build.run(layout, options: options)
    }

    /// The errors of a build that must fail.
    func errors(_ options: BuildOptions = BuildOptions()) -> [Diagnostic] {
        do {
            _ = try Build.run(layout, options: options)
            return []
        } catch {
            return error.all
        }
    }

    /// Expects a build whose one error is `word` missing for `language`, at that language's words file.
    func expectOneMissingWord(_ word: String, language: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let errors = errors()
        #expect(errors.count == 1, sourceLocation: sourceLocation)
        #expect(errors.first?.location.path == "Templates/i18n/\(language).yml", sourceLocation: sourceLocation)
        #expect(errors.first?.message.contains(word) == true, sourceLocation: sourceLocation)
        #expect(errors.first?.message.contains(language) == true, sourceLocation: sourceLocation)
    }

    /// The text of the file at `path`; a file that is missing or not UTF-8 is a test failure (and reads as "").
    func read(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        do {
            return try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        } catch {
            Issue.record("cannot read \(path): \(error)", sourceLocation: sourceLocation)
            return ""
        }
    }

    /// Every file under `folder` (default Output/), by relative path, with its bytes.
    func tree(_ folder: String = "Output") -> [String: [UInt8]] {
        let base = root.appendingPathComponent(folder)
        var result: [String: [UInt8]] = [:]
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey])
            guard values?.isRegularFile == true, let data = FileManager.default.contents(atPath: url.path) else { continue }
            result[String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))] = Array(data)
        }
        return result
    }

    /// Runs the built `folio` binary in the fixture's folder.
    func runFolio(
        _ arguments: [String], environment: [String: String] = [:]
    ) throws -> (status: Int32, signaled: Bool, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = FolioBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, process.terminationReason == .uncaughtSignal,
            String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
        )
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// The `folio` executable built beside the test bundle.
enum FolioBinary {
    static var url: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundle, bundle.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("folio")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/folio")
    }
}

/// A small site used by several tests: an index, a nested article, a draft and a dataset.
let smallSite = """
    -- Content/site.yml --
    title: Test report
    author: Ann Analyst
    data_as_of: 2025-03-31
    -- Content/index.md --
    ---
    title: Front page
    summary: The thesis.
    ---
    Read [the IPO](analysis/ipo.md#pricing) and [debt](debt.md).
    -- Content/debt.md --
    ---
    title: Debt
    date: 2025-03-20
    order: 2
    sources:
      - {title: S-1, url: "https://www.sec.gov/", date: 2025-03-03}
    ---
    ## One
    ## Two
    ## Three
    Back to the [front](index.md).
    -- Content/analysis/ipo.md --
    ---
    title: The IPO
    date: 2025-03-28
    order: 1
    ---
    ## Pricing
    Priced at $40. See [debt](../debt.md).
    -- Content/assets/note.txt --
    an asset
    """

/// Records an issue unless `first` and `second` both occur in `text` and `first` starts before `second` does.
func expectOrder(
    _ first: String, before second: String, in text: some StringProtocol, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    guard let one = text.range(of: first) else {
        Issue.record("\"\(first)\" is missing", sourceLocation: sourceLocation)
        return
    }
    guard let other = text.range(of: second) else {
        Issue.record("\"\(second)\" is missing", sourceLocation: sourceLocation)
        return
    }
    #expect(one.lowerBound < other.lowerBound, "\"\(first)\" comes after \"\(second)\"", sourceLocation: sourceLocation)
}

/// The paths whose bytes differ between two trees (short enough to print when a test fails).
func differences(_ one: [String: [UInt8]], _ other: [String: [UInt8]]) -> [String] {
    Set(one.keys).union(other.keys).filter { one[$0] != other[$0] }.sorted()
}
