import Foundation

/// Paths inside this repository, found from this file so tests run from any working directory.
enum RepositoryPaths {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let constructsSpec = root + "/Tests/GoldenSpecs/constructs"
    static let constructsOutput = root + "/Tests/GoldenOutput/Constructs"
    static let collisionsSpec = root + "/Tests/GoldenSpecs/collisions"
    static let collisionsOutput = root + "/Tests/GoldenOutput/Collisions"
    static let bodiesSpec = root + "/Tests/GoldenSpecs/bodies"
    static let bodiesOutput = root + "/Tests/GoldenOutput/Bodies"
    static let locksmithSpec = root + "/Tests/GoldenSpecs/locksmith"
    static let locksmithOutput = root + "/Tests/GoldenOutput/Locksmith"
    static let templates = root + "/Templates"

    /// A new empty folder under the system's temporary directory.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "spindle-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
