// swift-tools-version:6.0
// The golden output of ../GoldenSpecs (constructs, collisions, bodies, locksmith), compiled so Spindle's tests can run it.
//
// A package of its own, like ../../Generated, so that the module name Constructs is not in the
// package graph of apps that depend on Spindle.
import PackageDescription

let package = Package(
    name: "SpindleGoldenOutput",
    platforms: [.macOS(.v14), .iOS(.v17), .tvOS(.v17), .watchOS(.v10)],
    products: [
        .library(name: "Constructs", targets: ["Constructs"]),
        .library(name: "Collisions", targets: ["Collisions"]),
        .library(name: "Bodies", targets: ["Bodies"]),
        .library(name: "Locksmith", targets: ["Locksmith"]),
    ],
    dependencies: [
        .package(name: "Spindle", path: "../.."),
        // CI builds the documentation of Constructs, which uses every template, and fails on any warning.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "Constructs",
            dependencies: [.product(name: "SpindleRuntime", package: "Spindle")],
            path: "Constructs",
            exclude: ["spindle-surface.json"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // Names that collide with everything generated code uses.
        .target(
            name: "Collisions",
            dependencies: [.product(name: "SpindleRuntime", package: "Spindle")],
            path: "Collisions",
            exclude: ["spindle-surface.json"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // Every kind of body: multipart, bytes, Server-Sent Events, JSON Lines, JSON text sequences.
        .target(
            name: "Bodies",
            dependencies: [.product(name: "SpindleRuntime", package: "Spindle")],
            path: "Bodies",
            exclude: ["spindle-surface.json"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // Security in every combination: public operations, two API keys, a bearer token and OAuth 2.
        .target(
            name: "Locksmith",
            dependencies: [.product(name: "SpindleRuntime", package: "Spindle")],
            path: "Locksmith",
            exclude: ["spindle-surface.json"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
