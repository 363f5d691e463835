import Foundation
import Testing

@testable import FolioServe

/// The inotify watcher sees every way an editor or a script changes a file.
@Suite struct WatcherTests {
    /// Content/ with one article, watched by a fresh inotify watcher.
    private func watch(quietPeriod: Duration = .milliseconds(100)) throws -> (TemporaryFolder, InotifyWatcher, Recorder<ChangeBatch>) {
        let folder = try TemporaryFolder()
        try folder.write("Content/a.md", "first\n")
        let watcher = try InotifyWatcher([WatchedFolder(name: "Content", url: folder.path("Content"))], quietPeriod: quietPeriod)
        return (folder, watcher, record(watcher))
    }

    private func sawChange(_ path: String, in batches: Recorder<ChangeBatch>) async -> Bool {
        await eventually { batches.all.contains { $0.paths.contains(path) } }
    }

    @Test func seesAFileWrittenInPlace() async throws {
        let (folder, watcher, batches) = try watch()
        defer { watcher.stop(); folder.remove() }
        let handle = try FileHandle(forWritingTo: folder.path("Content/a.md"))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data("second\n".utf8))
        try handle.close()
        #expect(await sawChange("Content/a.md", in: batches))
    }

    @Test func seesAFileSavedByRename() async throws {
        let (folder, watcher, batches) = try watch()
        defer { watcher.stop(); folder.remove() }
        try folder.write("Content/.a.md.swp", "second\n")
        #expect(rename(folder.path("Content/.a.md.swp").path, folder.path("Content/a.md").path) == 0)
        #expect(await sawChange("Content/a.md", in: batches))
        #expect(!batches.all.contains { $0.paths.contains("Content/.a.md.swp") })
    }

    @Test func seesFilesInANewSubFolder() async throws {
        let (folder, watcher, batches) = try watch()
        defer { watcher.stop(); folder.remove() }
        // Written at once, maybe before the new folders are watched: the watcher lists what it finds in them.
        try folder.write("Content/data/more/x.csv", "a\n1\n")
        #expect(await sawChange("Content/data/more/x.csv", in: batches))
        // Later files there are seen through the new folder's own watch.
        try folder.write("Content/data/more/y.csv", "a\n2\n")
        #expect(await sawChange("Content/data/more/y.csv", in: batches))
    }

    @Test func seesARemovedFileAndAFolderMovedIn() async throws {
        let (folder, watcher, batches) = try watch()
        defer { watcher.stop(); folder.remove() }
        try FileManager.default.removeItem(at: folder.path("Content/a.md"))
        #expect(await sawChange("Content/a.md", in: batches))
        try folder.write("Elsewhere/b/c.md", "moved\n")
        try FileManager.default.moveItem(at: folder.path("Elsewhere/b"), to: folder.path("Content/b"))
        #expect(await sawChange("Content/b/c.md", in: batches))
        try folder.write("Content/b/d.md", "after the move\n")
        #expect(await sawChange("Content/b/d.md", in: batches))
    }

    @Test func coalescesABurstIntoOneBatch() async throws {
        // A long quiet period, so a busy machine cannot split the burst.
        let (folder, watcher, batches) = try watch(quietPeriod: .seconds(1))
        defer { watcher.stop(); folder.remove() }
        let names = (1...20).map { "Content/burst-\($0).md" }
        for name in names { try folder.write(name, "\(name)\n") }
        #expect(await eventually { !batches.all.isEmpty })
        #expect(await !eventually(timeout: .seconds(2)) { batches.all.count > 1 })
        #expect(Set(names).isSubset(of: batches.all.first?.paths ?? []))
    }

    @Test func filesThatNeverStopChangingStillGetABatch() async throws {
        let (folder, watcher, batches) = try watch()
        defer { watcher.stop(); folder.remove() }
        let deadline = ContinuousClock.now + .seconds(30)
        var round = 0
        while batches.all.isEmpty, ContinuousClock.now < deadline {
            round += 1
            try folder.write("Content/log.md", "line \(round)\n")
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(batches.all.first?.paths.contains("Content/log.md") == true)
    }

    @Test func stopEndsAWaitingBatch() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let watcher = try InotifyWatcher([WatchedFolder(name: "Content", url: folder.url)])
        let ended = Recorder<Bool>()
        startThread {
            _ = watcher.nextBatch()
            ended.append(true)
        }
        watcher.stop()
        #expect(await eventually { !ended.all.isEmpty })
        #expect(watcher.nextBatch() == nil)
    }

    @Test func pollingFallbackSeesAChange() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("Content/a.csv", "a\n1\n")
        let watcher = PollingWatcher([WatchedFolder(name: "Content", url: folder.path("Content"))], interval: .milliseconds(50))
        defer { watcher.stop() }
        let batches = record(watcher)
        try folder.write("Content/a.csv", "a\n1\n2\n")
        try folder.write("Content/sub/b.csv", "b\n3\n")
        #expect(await sawChange("Content/a.csv", in: batches))
        #expect(await sawChange("Content/sub/b.csv", in: batches))
    }
}
