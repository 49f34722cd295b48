// swift-tools-version:6.0
// Builds apple/swift-openapi-generator 1.14.3's command-line tool, which the benchmarks run as a
// subprocess: `swift build -c release --product swift-openapi-generator`. A package of its own because
// Yams (a SOG dependency) and Spindle both declare a target named CYaml.
import PackageDescription

let package = Package(
    name: "SOGTool",
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3")
    ],
    targets: [
        // SwiftPM wants at least one target; the tool is the dependency's product.
        .executableTarget(name: "sog-placeholder", path: "Sources/sog-placeholder")
    ]
)
