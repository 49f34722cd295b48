import Foundation
import Testing

@testable import SpindleGenerator

/// The output estimate is a lower bound: a spec whose estimate is over the budget writes more than the
/// budget, so the early check never refuses a spec the budget would let through.
@Suite struct OutputEstimateTests {
    static let specs = [RepositoryPaths.constructsSpec, RepositoryPaths.collisionsSpec]
        + ["autumn", "mycryptoserver", "snaprefund", "stigg"].map { RepositoryPaths.root + "/specs/" + $0 }

    @Test(arguments: specs)
    func theEstimateStaysBelowWhatIsWritten(_ spec: String) throws {
        let output = VendorGenerator(specPath: spec).run()
        let module = try #require(output.module, "\(output.diagnostics)")
        let declared = TypeDeduplication(types: module.types, operations: module.operations).types
        let estimate = OutputEstimate(module: module, declaredTypes: declared)
        let written = output.files.filter { $0.path.hasSuffix(".swift") }.reduce(0) { $0 + $1.contents.utf8.count }
        #expect(estimate.total <= written, "estimate \(estimate.total), written \(written)")
        #expect(estimate.total * 5 > written, "an estimate far below the output guards little: \(estimate.total) of \(written)")
    }
}
