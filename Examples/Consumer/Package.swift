// swift-tools-version:6.0
// An app package that uses Spindle the way a user would: specs in specs/, checked-in clients in
// Generated/, regenerated with `swift package --allow-writing-to-package-directory spindle-generate`,
// and the app's logic unit-tested against stubbed operations (`swift test`).
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
        .target(name: "PetShopCore", dependencies: ["Petstore"]),
        .executableTarget(name: "PetShop", dependencies: ["PetShopCore", "Petstore"]),
        .testTarget(
            name: "PetShopTests",
            dependencies: ["PetShopCore", "Petstore", .product(name: "SpindleRuntime", package: "Spindle")]
        ),
    ]
)
