// swift-tools-version:6.1
// Transfer benchmarks (see BENCHMARKS.md), each client in a process of its own:
// - a 1 GB download and a stream of small Server-Sent Events through Spindle and through
//   swift-openapi-generator's (SOG) generated client with swift-openapi-urlsession, against a Python server;
// - requests per second through Spindle's URLSessionTransport and AsyncHTTPClientTransport against a SwiftNIO
//   server (`stream-bench serve`), so that the server is not what limits the rate.
// Run with ./run.sh.
import Foundation
import PackageDescription

// A path dependency's identity is its folder name (`main` in a checkout named main, `spindle` in one named Spindle).
let spindle = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "SpindleStreamingBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "../..", traits: ["AsyncHTTPClientTransport"]),
        .package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", exact: "1.4.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    ],
    targets: [
        // SOG 1.14.3's output for openapi.yaml (`--mode types --mode client`), checked in so this builds alone.
        .target(
            name: "SOGStreamingClient",
            dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")],
            path: "Sources/SOGStreamingClient"
        ),
        .executableTarget(
            name: "stream-bench",
            dependencies: [
                .product(name: "SpindleRuntime", package: spindle),
                .product(name: "SpindleAsyncHTTPClient", package: spindle),
                "SOGStreamingClient",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Sources/stream-bench",
            swiftSettings: [.define("AsyncHTTPClientTransport")]
        ),
    ]
)
