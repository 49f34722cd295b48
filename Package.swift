// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

/// The vendor clients in Generated/<Module>, which the vendor client tests use. They are a package of
/// their own (Generated/Package.swift), as is the golden output (Tests/GoldenOutput/Package.swift):
/// this package declares no module an app might also name, only `Spindle…` ones (see README).
let vendors = ["Stigg", "SnapRefund", "Autumn", "MyCryptoServer"]

/// The optional products' package dependencies, under the trait that enables each: an app that does not enable
/// a trait does not fetch, let alone build, what only it needs (see README: "What an app resolves and builds").
let asyncHTTPClient: TargetDependencyCondition? = .when(traits: ["AsyncHTTPClientTransport"])
let swiftLog: TargetDependencyCondition? = .when(traits: ["SwiftLog"])

let package = Package(
    name: "Spindle",
    platforms: [.macOS(.v14), .iOS(.v17), .tvOS(.v17), .watchOS(.v10)],
    products: [
        .executable(name: "spindle", targets: ["spindle"]),
        .library(name: "SpindleRuntime", targets: ["SpindleRuntime"]),
        // Empty unless the trait of the same purpose is enabled (`traits: ["AsyncHTTPClientTransport"]`).
        .library(name: "SpindleAsyncHTTPClient", targets: ["SpindleAsyncHTTPClient"]),
        // Empty unless the `SwiftLog` trait is enabled.
        .library(name: "SpindleLogging", targets: ["SpindleLogging"]),
        .plugin(name: "SpindleGenerate", targets: ["SpindleGenerate"]),
        .library(name: "SpindleYAML", targets: ["SpindleYAML"]),
        .library(name: "SpindleOpenAPI", targets: ["SpindleOpenAPI"]),
        .library(name: "SpindleIR", targets: ["SpindleIR"]),
        .library(name: "SpindleGenerator", targets: ["SpindleGenerator"]),
    ],
    traits: [
        .trait(
            name: "AsyncHTTPClientTransport",
            description: "SpindleAsyncHTTPClient: an HTTPTransport over AsyncHTTPClient and SwiftNIO (needs Swift 6.2)"
        ),
        .trait(name: "SwiftLog", description: "SpindleLogging: ClientConfiguration.logger into a swift-log Logger"),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // `swift package generate-documentation` (CI checks the DocC catalogs); a plugin no target uses, so
        // packages that depend on Spindle do not resolve it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // Used by tests only, so SwiftPM leaves them out of the graph of packages that depend on this one.
        .package(name: "SpindleClients", path: "Generated"),
        .package(name: "SpindleGoldenOutput", path: "Tests/GoldenOutput"),
    ],
    targets: [
        // libyaml from the system (apt libyaml-dev / brew libyaml). Not `CYaml`: Yams has a target of
        // that name, and an app using Yams could not otherwise depend on Spindle.
        .systemLibrary(
            name: "SpindleCYaml",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Source-located YAML/JSON node tree and compiler-style diagnostics.
        .target(name: "SpindleYAML", dependencies: ["SpindleCYaml"], swiftSettings: strict),
        // OpenAPI 3.0/3.1 document model, $ref resolution and fragment merging.
        .target(name: "SpindleOpenAPI", dependencies: ["SpindleYAML"], swiftSettings: strict),
        // Intermediate representation of schemas and operations.
        .target(name: "SpindleIR", dependencies: ["SpindleOpenAPI"], swiftSettings: strict),
        // IR -> template contexts -> Swift source, through Templates/.
        .target(
            name: "SpindleGenerator",
            dependencies: ["SpindleIR", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: strict
        ),
        // The tool the plugin builds and runs: only what generation needs, so a first plugin run is quick.
        .executableTarget(
            name: "spindle",
            dependencies: ["SpindleGenerator", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        // `swift run spindle-mock`: serves the vendors' documented examples. Not a product, so packages that
        // depend on Spindle do not resolve FlyingFox.
        .executableTarget(
            name: "spindle-mock",
            dependencies: [
                "SpindleGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            swiftSettings: strict
        ),
        // `swift package spindle-generate`: regenerates a package's checked-in clients.
        .plugin(
            name: "SpindleGenerate",
            capability: .command(
                intent: .custom(verb: "spindle-generate", description: "Regenerate the API clients in Generated/ from specs/"),
                permissions: [.writeToPackageDirectory(reason: "Spindle writes the generated clients into Generated/")]
            ),
            dependencies: ["spindle"],
            path: "Plugins/SpindleGenerate"
        ),
        // The runtime generated clients link: Foundation only.
        .target(name: "SpindleRuntime", swiftSettings: strict),
        // HTTPTransport over AsyncHTTPClient; its sources are compiled only with the trait.
        .target(
            name: "SpindleAsyncHTTPClient",
            dependencies: [
                "SpindleRuntime",
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: asyncHTTPClient),
                .product(name: "NIOCore", package: "swift-nio", condition: asyncHTTPClient),
                .product(name: "NIOHTTP1", package: "swift-nio", condition: asyncHTTPClient),
                .product(name: "NIOPosix", package: "swift-nio", condition: asyncHTTPClient),
            ],
            swiftSettings: strict
        ),
        // LogEvent into swift-log; its sources are compiled only with the trait.
        .target(
            name: "SpindleLogging",
            dependencies: ["SpindleRuntime", .product(name: "Logging", package: "swift-log", condition: swiftLog)],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SpindleGeneratorTests",
            dependencies: [
                "SpindleGenerator", "SpindleIR", "SpindleRuntime", .product(name: "Constructs", package: "SpindleGoldenOutput"),
                .product(name: "Collisions", package: "SpindleGoldenOutput"),
                .product(name: "Bodies", package: "SpindleGoldenOutput"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "SpindleYAMLTests", dependencies: ["SpindleYAML"], swiftSettings: strict),
        .testTarget(name: "SpindleOpenAPITests", dependencies: ["SpindleOpenAPI"], swiftSettings: strict),
        .testTarget(name: "SpindleIRTests", dependencies: ["SpindleIR"], swiftSettings: strict),
        // Hostile and malformed specs through the whole pipeline (docs/ROBUSTNESS.md).
        .testTarget(
            name: "RobustnessTests",
            dependencies: ["SpindleGenerator", "SpindleIR", "SpindleOpenAPI", "SpindleYAML"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "VendorClientTests",
            dependencies: vendors.map { .product(name: $0, package: "SpindleClients") } + [
                .product(name: "Constructs", package: "SpindleGoldenOutput"),
                .product(name: "Collisions", package: "SpindleGoldenOutput"),
                .product(name: "Bodies", package: "SpindleGoldenOutput"),
                .product(name: "Locksmith", package: "SpindleGoldenOutput"), "SpindleRuntime", "SpindleGenerator",
                .product(name: "FlyingFox", package: "FlyingFox"), "SpindleTestServer",
            ],
            exclude: [],
            swiftSettings: strict
        ),
        // An app may name its modules like the clients shipped here (SwiftPM checks the whole graph).
        .testTarget(name: "PackagingTests", swiftSettings: strict),
        .testTarget(
            name: "SpindleRuntimeTests",
            dependencies: [
                "SpindleRuntime", "SpindleTestServer", "SpindleAsyncHTTPClient", "SpindleLogging", .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "Logging", package: "swift-log", condition: swiftLog),
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: asyncHTTPClient),
                .product(name: "NIOPosix", package: "swift-nio", condition: asyncHTTPClient),
            ],
            swiftSettings: strict
        ),
        // A loopback HTTP/1.1 server on plain sockets that streams piece by piece, for the streaming tests of
        // the runtime and of generated clients.
        .target(name: "SpindleTestServer", path: "Tests/SpindleTestServer", swiftSettings: strict),
        // A client process the streaming memory tests run, so that its memory is measured alone.
        .executableTarget(
            name: "spindle-transfer-probe",
            dependencies: ["SpindleRuntime", "SpindleAsyncHTTPClient"],
            path: "Tests/TransferProbe",
            swiftSettings: strict
        ),
    ]
)

// SwiftPM 6.3 recurses without end, and crashes, when it hands a command plugin such as
// `swift package generate-documentation` a graph in which packages depend on each other: this package
// and its two test-only packages do, by path. For documentation builds, SPINDLE_DOCUMENTATION=1 leaves
// out those packages and the two test targets that use them.
if Context.environment["SPINDLE_DOCUMENTATION"] != nil {
    let testOnlyPackages = ["Generated", "Tests/GoldenOutput"]
    package.dependencies.removeAll { dependency in
        if case .fileSystem(_, let path) = dependency.kind { testOnlyPackages.contains(path) } else { false }
    }
    package.targets.removeAll { ["SpindleGeneratorTests", "VendorClientTests"].contains($0.name) }
}
