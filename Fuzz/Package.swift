// swift-tools-version:6.0
// libFuzzer target over Spindle's pipeline (YAML/JSON -> OpenAPI load -> IR -> Swift emit).
// A package of its own so the main package never links libFuzzer. Build and run on Linux:
//
//   cd Fuzz
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -DSPINDLE_FUZZING --product SpindleFuzz
//   .build/debug/SpindleFuzz -runs=1000000 -max_len=4096 -timeout=10 -rss_limit_mb=4096 findings corpus
//
// See docs/ROBUSTNESS.md.
import Foundation
import PackageDescription

// A path dependency's identity is its folder name (`main` in a checkout named main, `spindle` in one named Spindle).
let spindle = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let package = Package(
    name: "SpindleFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "SpindleFuzz",
            dependencies: [
                .product(name: "SpindleYAML", package: spindle),
                .product(name: "SpindleOpenAPI", package: spindle),
                .product(name: "SpindleIR", package: spindle),
                .product(name: "SpindleGenerator", package: spindle),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        )
    ]
)
