// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

/// The vendor clients generated into Generated/<Module>, each a library product apps can use.
let vendors = ["Stigg", "SnapRefund", "Autumn", "MyCryptoServer"]

let package = Package(
    name: "Spindle",
    platforms: [.macOS(.v14), .iOS(.v17), .tvOS(.v17), .watchOS(.v10)],
    products: [
        .executable(name: "spindle", targets: ["spindle"]),
        .library(name: "SpindleRuntime", targets: ["SpindleRuntime"]),
        .plugin(name: "SpindleGenerate", targets: ["SpindleGenerate"]),
        .library(name: "SpindleYAML", targets: ["SpindleYAML"]),
        .library(name: "SpindleOpenAPI", targets: ["SpindleOpenAPI"]),
        .library(name: "SpindleIR", targets: ["SpindleIR"]),
        .library(name: "SpindleGenerator", targets: ["SpindleGenerator"]),
        .executable(name: "list-customers", targets: ["ListCustomers"]),
    ] + vendors.map { .library(name: $0, targets: [$0]) },
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // libyaml from the system (apt libyaml-dev / brew libyaml).
        .systemLibrary(
            name: "CYaml",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Source-located YAML/JSON node tree and compiler-style diagnostics.
        .target(name: "SpindleYAML", dependencies: ["CYaml"], swiftSettings: strict),
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
        .executableTarget(
            name: "spindle",
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

    ] + vendors.map { vendor in
        .target(
            name: vendor, dependencies: ["SpindleRuntime"], path: "Generated/\(vendor)",
            exclude: ["spindle-surface.json"], swiftSettings: strict)
    } + [
        // Lists customers from every vendor through the generated clients (against `spindle mock`).
        .executableTarget(
            name: "ListCustomers",
            dependencies: vendors.map { .target(name: $0) } + ["SpindleRuntime"],
            path: "Examples/ListCustomers",
            swiftSettings: strict
        ),
        // The golden output of Tests/GoldenSpecs/constructs, compiled so tests can run it.
        .target(
            name: "Constructs", dependencies: ["SpindleRuntime"], path: "Tests/GoldenOutput/Constructs",
            exclude: ["spindle-surface.json"], swiftSettings: strict),
        // The golden output of Tests/GoldenSpecs/collisions: names that collide with everything generated code uses.
        .target(
            name: "Collisions", dependencies: ["SpindleRuntime"], path: "Tests/GoldenOutput/Collisions",
            exclude: ["spindle-surface.json"], swiftSettings: strict),
        .testTarget(
            name: "SpindleGeneratorTests",
            dependencies: ["SpindleGenerator", "SpindleIR", "Constructs", "Collisions", "SpindleRuntime"],
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
            dependencies: vendors.map { .target(name: $0) } + [
                "Constructs", "Collisions", "SpindleRuntime", "SpindleGenerator",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            exclude: [],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SpindleRuntimeTests",
            dependencies: ["SpindleRuntime", .product(name: "FlyingFox", package: "FlyingFox")],
            swiftSettings: strict
        ),
    ]
)
