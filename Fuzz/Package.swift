// swift-tools-version:6.0
import Foundation
import PackageDescription

/// libFuzzer targets for folio's parsers, kept out of the main package so `swift build` never compiles them.
/// Build with `make fuzz`, or by hand:
/// `swift build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xlinker --no-gc-sections
/// --scratch-path .build-fuzz` (the `-Xswiftc` flag: see scripts/run-fuzzers.sh).
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

/// The root package; `FOLIO_FUZZ_ROOT` points at another checkout (a patched copy, say).
let rootPath = Context.environment["FOLIO_FUZZ_ROOT"] ?? ".."
/// A path dependency's identity is its folder's name, so name the root package by where it sits.
let rootIdentity = URL(fileURLWithPath: rootPath, relativeTo: URL(fileURLWithPath: Context.packageDirectory + "/"))
    .standardizedFileURL.lastPathComponent.lowercased()
let stages: Target.Dependency = .product(name: "FolioStages", package: rootIdentity)

let fuzzers = [
    "FuzzCSV", "FuzzJSON", "FuzzDataYAML", "FuzzYAML", "FuzzFrontMatter", "FuzzChartBlock", "FuzzTableBlock",
    "FuzzInlineValue", "FuzzSlug", "FuzzEscape", "FuzzMarkdown", "FuzzTemplate",
]

let package = Package(
    name: "folio-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: rootPath)],
    targets: [
        .target(name: "FuzzSupport", dependencies: [stages], swiftSettings: strict)
    ]
        + fuzzers.map { name in
            .executableTarget(name: name, dependencies: ["FuzzSupport", stages], swiftSettings: strict)
        }
)
