import Foundation
import Testing

/// `folio serve` and `folio build --watch` run in `folio-serve` (the preview server's libraries stay
/// out of `folio build`): the same arguments reach it, and it serves, watches and stops on Ctrl-C.
@Suite struct ServerHandoffTests {
    /// A new project (`folio new`) in a temporary folder.
    func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-handoff-\(UUID().uuidString)")
        let made = Process()
        made.executableURL = FolioBinary.url
        made.arguments = ["new", root.path]
        made.standardOutput = FileHandle.nullDevice
        try made.run()
        made.waitUntilExit()
        try #require(made.terminationStatus == 0)
        return root
    }

    /// Starts `folio arguments` in `folder`, waits for a line of its output holding `expected`,
    /// and returns the executable the process then runs, its output so far and its exit status after Ctrl-C.
    func run(_ arguments: [String], in folder: URL, until expected: String) throws -> (image: String, output: String, status: Int32) {
        let process = Process()
        process.executableURL = FolioBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        var output = ""
        let deadline = Date().addingTimeInterval(120)
        while !output.contains(expected), process.isRunning, Date() < deadline {
            output += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        let image = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(process.processIdentifier)/exe")) ?? ""
        process.interrupt()
        process.waitUntilExit()
        return (image, output, process.terminationStatus)
    }

    @Test func serveIsHandedToTheServerAndServes() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let served = try run(["serve", "--port", "0"], in: root, until: "Serving Output/ at http://127.0.0.1:")
        #expect(served.output.contains("Serving Output/ at http://127.0.0.1:"), "\(served.output)")
        #expect(served.image.hasSuffix("/folio-serve"), "\(served.image)")
        #expect(served.status == 0)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output/index.html").path))
    }

    @Test func watchingIsHandedToTheServerWithItsFlags() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let watched = try run(["build", "--watch", "--output", "Elsewhere"], in: root, until: "→ Elsewhere/")
        // `build` is the default command: `folio --watch` is handed over the same way.
        let bare = try run(["--watch"], in: root, until: "→ Output/")
        #expect(bare.output.contains("→ Output/"), "\(bare.output)")
        #expect(bare.image.hasSuffix("/folio-serve"), "\(bare.output)")
        #expect(bare.status == 0, "\(bare.output)")
        #expect(watched.output.contains("→ Elsewhere/"), "\(watched.output)")
        #expect(watched.image.hasSuffix("/folio-serve"), "\(watched.image)")
        #expect(watched.status == 0)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Elsewhere/index.html").path))
    }
}
