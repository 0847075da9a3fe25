// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "easel",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "easel", targets: ["easel"]),
        .library(name: "EaselServer", targets: ["EaselServer"]),
        .library(name: "EaselClient", targets: ["EaselClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1",
                 traits: ["ConfigurationSupport"]),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0",
                 traits: ["CommandLineArguments"]),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
    ],
    targets: [
        // libvips, found through pkg-config (Debian: libvips-dev).
        .systemLibrary(name: "CVips", pkgConfig: "vips", providers: [.apt(["libvips-dev"])]),
        // Non-variadic C entry points over libvips: Swift cannot call C variadic functions.
        .target(name: "CVipsShim", dependencies: ["CVips"]),
        .target(name: "EaselImaging", dependencies: ["CVipsShim"], swiftSettings: swiftSettings),
        // zlib, for gzip-encoded JSON and YAML answers.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // The job vocabulary (edit spec, status, error codes) and the store and engine
        // protocols: no wire types, so that every store and the HTTP layer share it.
        .target(name: "EaselCore", dependencies: [
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: swiftSettings),
        // Wire types and argument validation, mapping the hosted API's JSON to the core's types.
        .target(name: "EaselAPI", dependencies: ["EaselCore"], swiftSettings: swiftSettings),
        .target(name: "EaselSQLite", dependencies: [
            "EaselCore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], swiftSettings: swiftSettings),
        // The stores on PostgreSQL, for many nodes on one database.
        .target(name: "EaselPostgres", dependencies: [
            "EaselCore",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: swiftSettings),
        .target(name: "EaselFetch", dependencies: [
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ], swiftSettings: swiftSettings),
        .target(name: "EaselEngines", dependencies: [
            "EaselCore", "EaselImaging",
            .product(name: "Subprocess", package: "swift-subprocess"),
            .product(name: "SystemPackage", package: "swift-system"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: swiftSettings),
        .target(name: "EaselServer", dependencies: [
            "EaselAPI", "EaselCore", "EaselSQLite", "EaselPostgres", "EaselFetch", "EaselEngines", "EaselImaging", "CZlib",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "Configuration", package: "swift-configuration"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ], resources: [.copy("Resources/openapi.yaml"), .copy("Resources/playground")], swiftSettings: swiftSettings),
        // The Swift SDK: the hosted wire API and Easel's extensions, with no server module,
        // so that an app embedding it pulls in only the HTTP client.
        .target(name: "EaselClient", dependencies: [
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: swiftSettings),
        .executableTarget(name: "easel", dependencies: [
            "EaselServer", "EaselClient", "EaselAPI", "EaselCore", "EaselEngines", "EaselImaging",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ], swiftSettings: swiftSettings),
        // Benchmarks, not shipped; part of the package so that every build (CI's too) compiles
        // them and they cannot rot. Baseline for bench/api.sh:
        .executableTarget(name: "BareJSONRoute", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
        ], path: "Benchmarks/BareJSONRoute"),
        // bench/classic/run.sh: the classic engine, and libvips doing the same operations as
        // one in-process pipeline (C), its baseline.
        .executableTarget(name: "ClassicBench", dependencies: ["EaselEngines", "EaselImaging", "EaselCore"],
                          path: "Benchmarks/ClassicBench", swiftSettings: swiftSettings),
        .executableTarget(name: "VipsPipeline", dependencies: ["CVips"], path: "Benchmarks/VipsPipeline"),

        // Shared by the test targets: a PostgreSQL server the tests start for themselves.
        .target(name: "EaselTestSupport", path: "Tests/Support"),

        .testTarget(name: "EaselAPITests", dependencies: ["EaselAPI", "EaselCore"]),
        .testTarget(name: "EaselCoreTests", dependencies: ["EaselCore"]),
        // Every store behaviour, run against SQLite and against a PostgreSQL server the tests start.
        .testTarget(name: "EaselStoreTests", dependencies: [
            "EaselCore", "EaselSQLite", "EaselPostgres", "EaselTestSupport",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "EaselImagingTests", dependencies: ["EaselImaging"]),
        .testTarget(name: "EaselFetchTests", dependencies: [
            "EaselFetch",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .testTarget(name: "EaselEnginesTests", dependencies: ["EaselEngines", "EaselImaging", "EaselCore", "EaselAPI"]),
        // The SDK against a live server started in the test process.
        .testTarget(name: "EaselClientTests", dependencies: [
            "EaselClient", "EaselServer", "EaselCore", "EaselImaging",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "EaselServerTests", dependencies: [
            "EaselServer", "EaselImaging", "EaselEngines", "EaselTestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Crypto", package: "swift-crypto"),
            // Ages stored rows past a window or a retention, instead of waiting a day for them.
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)
