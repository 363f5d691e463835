import ArgumentParser
import Foundation

/// `folio serve` and `folio build --watch` run in `folio-serve`, the executable beside `folio`
/// that holds the preview server: the server's HTTP library brings libcurl and some thirty
/// shared libraries with it, which every `folio build` would otherwise load at start (7 ms here).
public enum ServerHandoff {
    /// The name of the executable that serves and watches.
    public static let executable = "folio-serve"

    /// Replaces this process with `folio-serve` given the same arguments; returns only by
    /// throwing, when it cannot be started.
    public static func run() throws -> Never {
        let path = server
        var arguments = CommandLine.arguments.map { strdup($0) }
        arguments.append(nil)
        execv(path, arguments)
        let reason = String(cString: strerror(errno))
        FileHandle.standardError.write(
            Data(
                "folio: cannot start \(path) (\(reason)); it is built beside folio (`make site`, or `swift build --product folio-serve`)\n"
                    .utf8))
        throw ExitCode(1)
    }

    /// `folio-serve` in the folder of the running executable.
    static var server: String {
        let running = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: running).deletingLastPathComponent().appendingPathComponent(executable).path
    }
}
