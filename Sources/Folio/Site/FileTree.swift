import FolioCore
import Foundation
import Synchronization

/// The regular files under a folder, each with the facts of its `stat`: one `readdir` per folder
/// and one `fstatat` per entry, relative to its folder, so listing 100,000 files stays cheap.
struct FileTree {
    struct Entry {
        /// `/`-separated, relative to the root.
        var path: String
        var size: Int
        /// Inode and change times: what the input stamp compares.
        var stamp: FileStamp
    }

    /// Sorted by the bytes of their paths. Dot-entries are skipped, a symbolic link that leads
    /// outside `root` is an error, and a folder reached twice (a link loop) is read once.
    static func list(_ root: URL, named rootName: String, problems: inout DiagnosticCollector) -> [Entry] {
        let rootPath = root.resolvingSymlinksInPath().path
        var entries: [Entry] = []
        var pending = [""]
        var seenFolders = Set<[UInt64]>()
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root.path : root.path + "/" + relative
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            let descriptor = dirfd(directory)
            var info = stat()
            guard fstat(descriptor, &info) == 0, seenFolders.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { continue }
            let names = Self.names(in: directory) { $0[0] != 0x2E }
            let place = Place(descriptor: descriptor, folder: folder, relative: relative, rootPath: rootPath, rootName: rootName)
            for item in place.examine(names) {
                switch item {
                case .file(let entry): entries.append(entry)
                case .folder(let path): pending.append(path)
                case .problem(let problem): problems.add(problem)
                }
            }
        }
        return entries.sorted { precedes($0.path, $1.path) }
    }

    /// The names `readdir` gives for an open folder that `keep` accepts, looked at before a string
    /// is made of them; `.` and `..` are left out, and at most `limit` are given.
    static func names(in directory: OpaquePointer, limit: Int = .max, where keep: (UnsafePointer<CChar>) -> Bool) -> [String] {
        var names: [String] = []
        while names.count < limit, let item = readdir(directory) {
            let name = withUnsafePointer(to: &item.pointee.d_name) { pointer -> String? in
                let name = UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)
                let isSelfOrParent = name[0] == 0x2E && (name[1] == 0 || (name[1] == 0x2E && name[2] == 0))
                return !isSelfOrParent && keep(name) ? String(cString: name) : nil
            }
            if let name { names.append(name) }
        }
        return names
    }

    /// What one name of a folder is.
    private enum Item {
        case file(Entry)
        case folder(String)
        case problem(Diagnostic)
    }

    /// A folder being listed: its names are looked at with one `fstatat` each, on two threads for a
    /// large folder (the calls are most of a no-op build's time).
    private struct Place: Sendable {
        let descriptor: Int32
        let folder: String
        let relative: String
        let rootPath: String
        let rootName: String

        func examine(_ names: [String]) -> [Item] {
            guard names.count >= 4096 else { return names.compactMap(item) }
            let halves = [names[..<(names.count / 2)], names[(names.count / 2)...]]
            let found = Mutex<[Int: [Item]]>([:])
            DispatchQueue.concurrentPerform(iterations: halves.count) { half in
                let items = halves[half].compactMap(item)
                found.withLock { $0[half] = items }
            }
            let results = found.withLock { $0 }
            return (0..<halves.count).flatMap { results[$0] ?? [] }
        }

        private func item(_ name: String) -> Item? {
            let path = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard let resolved = realpath(folder + "/" + name, nil) else { return nil }  // a dangling link: nothing to read
                let target = String(cString: resolved)
                free(resolved)
                if target != rootPath, !target.hasPrefix(rootPath + "/") {
                    return .problem(Diagnostic(at: SourceLocation(path: "\(rootName)/\(path)"), SiteIssue.symlinkLeavesProject(target)))
                }
                guard fstatat(descriptor, name, &info, 0) == 0 else { return nil }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                return .folder(path)
            case S_IFREG:
                let stamp = FileStamp(
                    inode: Int(info.st_ino), modified: info.st_mtim.tv_sec, modifiedNanoseconds: info.st_mtim.tv_nsec,
                    changed: info.st_ctim.tv_sec, changedNanoseconds: info.st_ctim.tv_nsec)
                return .file(Entry(path: path, size: Int(info.st_size), stamp: stamp))
            default:
                return nil
            }
        }
    }

    /// Byte order of the paths' UTF-8, compared by `memcmp` in place (no copy, no reference counting).
    static func precedes(_ left: String, _ right: String) -> Bool {
        let inPlace = left.utf8.withContiguousStorageIfAvailable { a in
            right.utf8.withContiguousStorageIfAvailable { b -> Bool in
                let common = min(a.count, b.count)
                guard common > 0, let first = a.baseAddress, let second = b.baseAddress else { return a.count < b.count }
                let order = memcmp(first, second, common)
                return order < 0 || (order == 0 && a.count < b.count)
            }
        }
        return (inPlace ?? nil) ?? left.utf8.lexicographicallyPrecedes(right.utf8)
    }
}
