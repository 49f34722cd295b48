// swift-tools-version:6.0
// The API clients this repository ships, generated from ../specs, and the example that uses them.
//
// A package of its own so that apps depending on Spindle for the runtime and the plugin never see
// these modules: SwiftPM rejects two targets of one name anywhere in a package graph, and an app may
// well have a module named Stigg. Spindle's root package depends on this one only from its tests,
// and SwiftPM leaves a dependency's test-only dependencies out of an app's graph.
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

/// The vendor clients generated into <Module>/, each a library product.
let vendors = ["Stigg", "SnapRefund", "Autumn", "MyCryptoServer"]

let package = Package(
    name: "SpindleClients",
    platforms: [.macOS(.v14), .iOS(.v17), .tvOS(.v17), .watchOS(.v10)],
    products: vendors.map { .library(name: $0, targets: [$0]) } + [
        .executable(name: "list-customers", targets: ["ListCustomers"])
    ],
    dependencies: [.package(name: "Spindle", path: "..")],
    targets: vendors.map { vendor in
        .target(
            name: vendor, dependencies: [.product(name: "SpindleRuntime", package: "Spindle")], path: vendor,
            exclude: ["spindle-surface.json"], swiftSettings: strict)
    } + [
        // Lists customers from every vendor through the generated clients (against `spindle mock`).
        .executableTarget(
            name: "ListCustomers",
            dependencies: vendors.map { .target(name: $0) } + [.product(name: "SpindleRuntime", package: "Spindle")],
            path: "Examples/ListCustomers",
            swiftSettings: strict
        )
    ]
)
