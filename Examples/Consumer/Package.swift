// swift-tools-version:6.0
// An app package that uses Spindle the way a user would: specs in specs/, checked-in clients in
// Generated/, regenerated with `swift package --allow-writing-to-package-directory spindle-generate`.
import PackageDescription

let package = Package(
    name: "Consumer",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Spindle", path: "../..")
    ],
    targets: [
        .target(
            name: "Petstore",
            dependencies: [.product(name: "SpindleRuntime", package: "Spindle")],
            path: "Generated/Petstore",
            exclude: ["spindle-surface.json"]
        ),
        .executableTarget(name: "PetShop", dependencies: ["Petstore"]),
    ]
)
