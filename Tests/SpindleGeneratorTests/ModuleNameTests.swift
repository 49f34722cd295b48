import Testing

@testable import SpindleGenerator

/// A spec's default module name is its folder's, however the path to it is written (a relative file
/// name gave the module `Value`).
@Suite struct ModuleNameTests {
    @Test(arguments: [
        ("openapi.yaml", false, "/work/pet-shop"),
        ("./openapi.yaml", false, "/work/pet-shop"),
        ("../pet-shop/openapi.yaml", false, "/work/other"),
        ("/work/pet-shop/openapi.yaml", false, "/elsewhere"),
        (".", true, "/work/pet-shop"),
        ("./", true, "/work/pet-shop"),
        ("pet-shop/", true, "/work"),
        ("pet-shop/specs/..", true, "/work"),
    ])
    func aSpecIsNamedAfterItsFolder(path: String, isDirectory: Bool, currentDirectory: String) {
        #expect(VendorGenerator.folderModuleName(specPath: path, isDirectory: isDirectory, currentDirectory: currentDirectory) == "PetShop")
    }
}
