import Foundation

/// What SwiftPM built for this test run: the `spindle` tool, and the modules generated code and the
/// golden output compile to (`SpindleRuntime`, `Constructs`, `Collisions`). Tests use them as an app's
/// build would, without building them again.
enum BuildProducts {
    /// The build folder (`.build/debug` or `.build/<triple>/debug`): the nearest folder, going up from the
    /// running test bundle, that holds the `spindle` executable.
    static let folder: String? = {
        var candidates = [Bundle.main.bundleURL, Bundle.main.executableURL].compactMap { $0 }
        candidates += Bundle.allBundles.map(\.bundleURL).filter { $0.pathExtension == "xctest" }
        for start in candidates {
            var url = start.resolvingSymlinksInPath()
            while url.pathComponents.count > 1 {
                if FileManager.default.isExecutableFile(atPath: url.path + "/spindle") { return url.path }
                url.deleteLastPathComponent()
            }
        }
        return nil
    }()

    /// The `spindle` executable.
    static func spindle() throws -> String {
        guard let folder else { throw MissingBuildProduct(what: "the spindle executable") }
        return folder + "/spindle"
    }

    /// The folder of built Swift modules (`Modules/` since Swift 6, the build folder itself before).
    static func modules() throws -> String {
        guard let folder else { throw MissingBuildProduct(what: "the build folder") }
        for candidate in [folder + "/Modules", folder] where FileManager.default.fileExists(atPath: candidate + "/SpindleRuntime.swiftmodule") {
            return candidate
        }
        throw MissingBuildProduct(what: "SpindleRuntime.swiftmodule in \(folder)")
    }
}

struct MissingBuildProduct: Error, CustomStringConvertible {
    var what: String
    var description: String { "cannot find \(what) beside the test bundle; run the tests with `swift test`" }
}
