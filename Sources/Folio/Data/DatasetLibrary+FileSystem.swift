import FolioCore
import Foundation

extension DatasetLibrary {
    /// Loads every dataset in `folder` (its top level; sub-folders are ignored). A missing folder is
    /// an empty library. `basePath` is the folder's project-relative path, e.g. `Content/data`.
    public static func load(folder: URL, basePath: String) throws(Diagnostics) -> DatasetLibrary {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            return DatasetLibrary(datasets: [])
        }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            throw Diagnostics([Diagnostic(at: SourceLocation(path: basePath), DataIssue.unreadableFile(error.localizedDescription))])
        }
        var files: [DatasetFile] = []
        var problems: [Diagnostic] = []
        for name in names where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            var isSubfolder: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isSubfolder), !isSubfolder.boolValue else { continue }
            do {
                files.append(DatasetFile(name: name, bytes: [UInt8](try Data(contentsOf: url))))
            } catch {
                problems.append(
                    Diagnostic(at: SourceLocation(path: "\(basePath)/\(name)"), DataIssue.unreadableFile(error.localizedDescription)))
            }
        }
        let library: DatasetLibrary
        do {
            library = try DatasetLibrary(files: files, basePath: basePath)
        } catch {
            throw Diagnostics(problems + error.all)
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return library
    }
}
