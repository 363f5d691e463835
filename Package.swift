// swift-tools-version:6.0
import PackageDescription

/// One target per pipeline stage; dependencies flow one way (each arrow points at what a target uses):
/// - Core: nothing. Format → Core. YAML → Core, Yams. Data → Core, Format, YAML. Charts → Core, Format.
/// - Query (SQLite: derived datasets) → Core, Format, Data, CSQLite.
/// - Blocks → Core, Format, YAML, Data, Charts. Markdown → Core, CCmark. Content → Core, YAML. Templates → Core, Mustache.
/// - Site (the `Folio` library) → every stage above, CFolioSystem, Crypto. Check → Core. Serve → Folio, Core, FlyingFox.
/// - The `folio` CLI → Folio, Check, Serve, ArgumentParser.
/// Markdown, Blocks and Templates never see each other: Site carries a page from one to the next.
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "folio",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "folio", targets: ["FolioCLI"]),
        // `folio serve` and `folio build --watch`, which `folio` hands over: the server's HTTP library
        // links libcurl, which every `folio build` would otherwise load at start.
        .executable(name: "folio-serve", targets: ["FolioServeCLI"]),
        .library(name: "Folio", targets: ["Folio"]),
        // The stages on their own, for the fuzzers in Fuzz/ (a separate package).
        .library(
            name: "FolioStages",
            targets: [
                "FolioCore", "FolioFormat", "FolioYAML", "FolioData", "FolioBlocks", "FolioMarkdown", "FolioContent", "FolioTemplates",
            ]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            path: "Sources/CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "CFolioSystem", path: "Sources/CFolioSystem"),
        .target(name: "FolioCore", path: "Sources/Folio/Core", swiftSettings: strict),
        .target(name: "FolioFormat", dependencies: ["FolioCore"], path: "Sources/Folio/Format", swiftSettings: strict),
        .target(
            name: "FolioYAML",
            dependencies: ["FolioCore", .product(name: "Yams", package: "Yams")],
            path: "Sources/Folio/YAML",
            swiftSettings: strict
        ),
        .target(
            name: "FolioData",
            dependencies: ["FolioCore", "FolioFormat", "FolioYAML"],
            path: "Sources/Folio/Data",
            swiftSettings: strict
        ),
        .target(
            name: "FolioQuery",
            dependencies: ["FolioCore", "FolioFormat", "FolioData", "CSQLite"],
            path: "Sources/Folio/Query",
            swiftSettings: strict
        ),
        .target(
            name: "FolioCharts",
            dependencies: ["FolioCore", "FolioFormat"],
            path: "Sources/Folio/Charts",
            swiftSettings: strict
        ),
        .target(
            name: "FolioBlocks",
            dependencies: ["FolioCore", "FolioFormat", "FolioYAML", "FolioData", "FolioCharts"],
            path: "Sources/Folio/Blocks",
            swiftSettings: strict
        ),
        .target(
            name: "FolioMarkdown",
            dependencies: ["FolioCore", "CCmark"],
            path: "Sources/Folio/Markdown",
            swiftSettings: strict
        ),
        .target(
            name: "FolioContent",
            dependencies: ["FolioCore", "FolioYAML"],
            path: "Sources/Folio/Content",
            swiftSettings: strict
        ),
        .target(
            name: "FolioTemplates",
            dependencies: ["FolioCore", "FolioYAML", .product(name: "Mustache", package: "swift-mustache")],
            path: "Sources/Folio/Templates",
            swiftSettings: strict
        ),
        .target(
            name: "Folio",
            dependencies: [
                "FolioCore", "FolioFormat", "FolioYAML", "FolioData", "FolioQuery", "FolioCharts", "FolioBlocks",
                "FolioMarkdown", "FolioContent", "FolioTemplates", "FolioPrint", "CFolioSystem",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/Folio/Site",
            exclude: ["Starter"],
            swiftSettings: strict
        ),
        .target(name: "FolioCheck", dependencies: ["FolioCore"], path: "Sources/Folio/Check", swiftSettings: strict),
        .target(name: "FolioPrint", dependencies: ["FolioCore"], path: "Sources/Folio/Print", swiftSettings: strict),
        .target(
            name: "FolioServe",
            dependencies: ["Folio", "FolioCore", .product(name: "FlyingFox", package: "FlyingFox")],
            path: "Sources/Folio/Serve",
            swiftSettings: strict
        ),
        .target(
            name: "FolioCommands",
            dependencies: ["Folio", "FolioCheck", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/FolioCLI/Commands",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "FolioCLI",
            dependencies: ["FolioCommands", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/FolioCLI/Main",
            swiftSettings: strict,
            // jemalloc (Debian's libjemalloc-dev) in place of glibc's malloc: a 10k-page build spends
            // about a tenth of its CPU allocating, and jemalloc's per-thread caches take ~12% off it.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .executableTarget(
            name: "FolioServeCLI",
            dependencies: [
                "Folio", "FolioCommands", "FolioServe", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/FolioServeCLI",
            swiftSettings: strict,
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .target(
            name: "FolioTestSupport",
            dependencies: ["FolioCore", "FolioCharts", "FolioYAML"],
            path: "Tests/FolioTests/Support",
            swiftSettings: strict
        ),
        .testTarget(name: "FolioCoreTests", dependencies: ["FolioCore"], path: "Tests/FolioTests/Core", swiftSettings: strict),
        .testTarget(name: "FolioFormatTests", dependencies: ["FolioFormat"], path: "Tests/FolioTests/Format", swiftSettings: strict),
        .testTarget(name: "FolioPrintTests", dependencies: ["FolioPrint"], path: "Tests/FolioTests/Print", swiftSettings: strict),
        .testTarget(name: "FolioYAMLTests", dependencies: ["FolioYAML"], path: "Tests/FolioTests/YAML", swiftSettings: strict),
        .testTarget(name: "FolioDataTests", dependencies: ["FolioData"], path: "Tests/FolioTests/Data", swiftSettings: strict),
        .testTarget(
            name: "FolioQueryTests", dependencies: ["FolioTestSupport", "FolioQuery", "FolioData"], path: "Tests/FolioTests/Query",
            exclude: ["Fixtures"],
            swiftSettings: strict),
        .testTarget(
            name: "FolioChartsTests",
            dependencies: ["FolioTestSupport", "FolioCharts"],
            path: "Tests/FolioTests/Charts",
            exclude: ["Golden"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FolioBlocksTests",
            dependencies: ["FolioTestSupport", "FolioBlocks", "FolioCharts", "FolioData", "FolioFormat", "FolioQuery", "FolioYAML"],
            path: "Tests/FolioTests/Blocks",
            swiftSettings: strict
        ),
        .testTarget(
            name: "FolioMarkdownTests",
            dependencies: ["FolioTestSupport", "FolioMarkdown"],
            path: "Tests/FolioTests/Markdown",
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(name: "FolioContentTests", dependencies: ["FolioContent"], path: "Tests/FolioTests/Content", swiftSettings: strict),
        .testTarget(
            name: "FolioTemplatesTests",
            dependencies: ["FolioTestSupport", "FolioTemplates"],
            path: "Tests/FolioTests/Templates",
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(name: "FolioServeTests", dependencies: ["FolioServe"], path: "Tests/FolioTests/Serve", swiftSettings: strict),
        .testTarget(name: "FolioCheckTests", dependencies: ["FolioCheck"], path: "Tests/FolioTests/Check", swiftSettings: strict),
        .testTarget(
            name: "FolioSiteTests",
            dependencies: [
                "Folio", "FolioBlocks", "FolioContent", "FolioCore", "FolioFormat", "FolioMarkdown", "FolioQuery", "FolioTemplates",
                "FolioYAML",
            ],
            path: "Tests/FolioTests/Site",
            exclude: ["Fixtures", "Golden"],
            swiftSettings: strict
        ),
    ]
)
