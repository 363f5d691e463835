import FolioCore
import Foundation

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
            while let item = readdir(directory) {
                let name = withUnsafePointer(to: &item.pointee.d_name) {
                    String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
                }
                guard !name.hasPrefix(".") else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFLNK {
                    let full = folder + "/" + name
                    guard let resolved = realpath(full, nil) else { continue }  // a dangling link: nothing to read
                    let target = String(cString: resolved)
                    free(resolved)
                    if target != rootPath, !target.hasPrefix(rootPath + "/") {
                        problems.add(Diagnostic(at: SourceLocation(path: "\(rootName)/\(path)"), SiteIssue.symlinkLeavesProject(target)))
                        continue
                    }
                    guard fstatat(descriptor, name, &info, 0) == 0 else { continue }
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    pending.append(path)
                case S_IFREG:
                    let stamp = FileStamp(
                        inode: Int(info.st_ino), modified: info.st_mtim.tv_sec, modifiedNanoseconds: info.st_mtim.tv_nsec,
                        changed: info.st_ctim.tv_sec, changedNanoseconds: info.st_ctim.tv_nsec)
                    entries.append(Entry(path: path, size: Int(info.st_size), stamp: stamp))
                default:
                    continue
                }
            }
        }
        return entries.sorted { precedes($0.path, $1.path) }
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
