import Foundation

/// Paths inside this repository, found from this file so tests run from any working directory.
enum RepositoryPaths {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func specs(_ vendor: String) -> String { root + "/specs/" + vendor }
}
