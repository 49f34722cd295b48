// swift-tools-version:6.0
// The consumer example's app (Examples/Consumer: the Petstore spec, a client module and a small program)
// with swift-openapi-generator's build plugin instead of Spindle, for the first-run comparison in
// BENCHMARKS.md (see ../run.sh). Sources/Petstore/openapi.yaml is a copy of the consumer's spec.
import PackageDescription

let package = Package(
    name: "SOGConsumer",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", exact: "1.4.0"),
    ],
    targets: [
        .target(
            name: "Petstore",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
            ],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        )
    ]
)
