import FolioCore
import Foundation
import Testing

@testable import Folio

/// The listing every build starts with; a folder this large is read on two threads.
@Suite struct FileTreeTests {
    @Test func aLargeFolderIsListedWholeInByteOrderWithItsProblems() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-tree-\(UUID().uuidString)")
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("folio-outside-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        var expected = ["sub/inner.md"]
        for number in 0..<5000 {
            // Upper and lower case and a non-ASCII name, so byte order is not just number order.
            let name = number % 3 == 0 ? "P\(number).md" : number % 3 == 1 ? "p\(number).md" : "é\(number).md"
            try Data("x".utf8).write(to: root.appendingPathComponent(name))
            expected.append(name)
        }
        try Data("y".utf8).write(to: root.appendingPathComponent("sub/inner.md"))
        try Data("z".utf8).write(to: root.appendingPathComponent(".hidden"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("leak"), withDestinationURL: outside)
        var problems = DiagnosticCollector()
        let entries = FileTree.list(root, named: "Content", problems: &problems)
        #expect(entries.map(\.path) == expected.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(entries.allSatisfy { $0.size == 1 && $0.stamp != .unsettled })
        #expect(problems.diagnostics.map(\.location.path) == ["Content/leak"])
    }
}
