import SpindleIR
import SpindleYAML
import Testing

/// Names in `spindle.yaml` are pasted into generated code and file paths as written, so every one
/// is checked: each refusal is an error at the name's own location, all of them in one run.
@Suite struct ConfigNameTests {
    private func diagnostics(_ text: String) throws -> (config: VendorConfig?, printed: [String]) {
        let document = try YAMLDocument.parse(text, file: "spindle.yaml")
        var diagnostics: [Diagnostic] = []
        let config = VendorConfig.read(document, defaultModule: "Default") { diagnostics.append($0) }
        return (config, diagnostics.sorted().map(\.description))
    }

    /// One refused value per key the reader accepts, each reported where it is written.
    @Test(arguments: [
        ("module: ../escaped", "spindle.yaml:1:9: error: 'module' '../escaped' is not a Swift identifier: it must be a letter or '_' followed by letters, digits or '_'"),
        ("module: Shop/Types", "spindle.yaml:1:9: error: 'module' 'Shop/Types' is not a Swift identifier: it must be a letter or '_' followed by letters, digits or '_'"),
        ("module: struct", "spindle.yaml:1:9: error: 'module' 'struct' is a Swift keyword; choose another name"),
        ("module: Foundation", "spindle.yaml:1:9: error: 'module' 'Foundation' is a module generated code imports; choose another name"),
        ("module: '2Shop'", "spindle.yaml:1:9: error: 'module' '2Shop' is not a Swift identifier: it must be a letter or '_' followed by letters, digits or '_'"),
        ("module: _", "spindle.yaml:1:9: error: 'module' '_' is not a Swift identifier: it must be a letter or '_' followed by letters, digits or '_'"),
        ("client: \"Shop\\nClient\"", "spindle.yaml:1:9: error: 'client' 'Shop\\nClient' is not a Swift identifier: it must be a letter or '_' followed by letters, digits or '_'"),
        ("client: '../../escaped'", "spindle.yaml:1:9: error: 'client' '../../escaped' is not a Swift identifier: it must be a letter or '_' followed by letters, digits or '_'"),
        ("client: String", "spindle.yaml:1:9: error: 'client' 'String' would shadow a type generated code uses; choose another name"),
        ("client: \"Shop\\u202EClient\"", "spindle.yaml:1:9: error: 'client' 'Shop\u{202E}Client' is not a Swift identifier: it must be a letter or '_' followed by letters, digits or '_'"),
        ("naming: {types: {Pet: '../../../escaped'}}", "spindle.yaml:1:23: error: type name '../../../escaped' is not a Swift identifier: it must be a letter or '_' followed by letters, digits or '_'"),
        ("naming: {types: {Pet: 'Pet {}; func pwned() {}; struct X'}}", "spindle.yaml:1:23: error: type name 'Pet {}; func pwned() {}; struct X' is not a Swift identifier: it must be a letter or '_' followed by letters, digits or '_'"),
        ("naming: {types: {Pet: Self}}", "spindle.yaml:1:23: error: type name 'Self' is a Swift keyword; choose another name"),
        ("naming: {types: {Pet: DefaultClient}}", "spindle.yaml:1:23: error: type name 'DefaultClient' is taken by the module's own client; choose another name"),
        ("naming: {types: {Pet: DefaultError}}", "spindle.yaml:1:23: error: type name 'DefaultError' is taken by the module's own types; choose another name"),
        ("naming: {operations: {listPets: 'x() {}; func pwned() { }; func get'}}", "spindle.yaml:1:33: error: operation name 'x() {}; func pwned() { }; func get' must be Swift identifiers separated by dots, such as 'customers.list'"),
        ("naming: {operations: {listPets: 'pets..list'}}", "spindle.yaml:1:33: error: operation name 'pets..list' must be Swift identifiers separated by dots, such as 'customers.list'"),
        ("naming: {operations: {listPets: 'pets.'}}", "spindle.yaml:1:33: error: operation name 'pets.' must be Swift identifiers separated by dots, such as 'customers.list'"),
        ("naming: {operations: {listPets: 'client.list'}}", "spindle.yaml:1:33: error: operation name 'client.list' uses 'client', the name every resource gives its APIClient; choose another name"),
        ("naming: {dropSuffixes: [Dto, '../x']}", "spindle.yaml:1:30: error: suffix '../x' must be letters, digits or '_'"),
        ("auth: {environmentVariable: 'API-KEY'}", "spindle.yaml:1:29: error: 'environmentVariable' 'API-KEY' must be an environment variable name: letters, digits and '_', not starting with a digit"),
        ("auth: {environmentVariable: '1KEY'}", "spindle.yaml:1:29: error: 'environmentVariable' '1KEY' must be an environment variable name: letters, digits and '_', not starting with a digit"),
        ("auth: {environmentVariable: \"KEY\\\"); pwned(); (\\\"\"}", "spindle.yaml:1:29: error: 'environmentVariable' 'KEY\"); pwned(); (\"' must be an environment variable name: letters, digits and '_', not starting with a digit"),
    ])
    func refusedName(_ text: String, _ expected: String) throws {
        let (config, printed) = try diagnostics(text)
        #expect(printed == [expected])
        #expect(config == nil)
    }

    @Test func everyRefusedNameIsReportedInOneRun() throws {
        let (config, printed) = try diagnostics(
            """
            module: ../a
            client: b/c
            auth: {environmentVariable: 'd e'}
            naming:
              dropSuffixes: ['.']
              types: {Pet: '..', Tag: Fine}
              operations: {listPets: 'a b', getPet: pets.get}
            """)
        #expect(config == nil)
        #expect(printed.map { String($0.prefix(19)) } == [
            "spindle.yaml:1:9: e", "spindle.yaml:2:9: e", "spindle.yaml:3:29: ", "spindle.yaml:5:18: ",
            "spindle.yaml:6:16: ", "spindle.yaml:7:26: ",
        ])
    }

    /// Identifiers Swift accepts are kept as written: Unicode letters, combining marks after the
    /// first letter, `_`, digits after the first character, keywords as resource or method names
    /// (generated code backquotes those).
    @Test func acceptedNames() throws {
        let (config, printed) = try diagnostics(
            """
            module: Café_2
            client: ÉpiceriéClient
            auth: {environmentVariable: _SHOP_KEY_2}
            naming:
              dropSuffixes: [Dto, _v2]
              types: {Pet: Animal, Tag: Étiquette}
              operations: {listPets: animals.default.list, getPet: pets.get, ping: ping}
            """)
        #expect(printed == [])
        let read = try #require(config)
        #expect(read.module == "Café_2")
        #expect(read.clientName == "ÉpiceriéClient")
        #expect(read.credentialEnvironmentVariable == "_SHOP_KEY_2")
        #expect(read.operationNames["listPets"] == "animals.default.list")
    }

    @Test(arguments: [
        ("Pet", true), ("_pet", true), ("pet2", true), ("é", true), ("e\u{301}", true), ("\u{301}e", false),
        ("日本", true), ("", false), ("_", false), ("2pet", false), ("pet-2", false), ("pet 2", false),
        ("pet.2", false), ("`pet`", false), ("$0", false), ("pet\u{0}", false), ("pet\u{200B}", false),
        ("🐶", true), ("a\u{FFFF}", false),
    ])
    func identifier(_ name: String, _ valid: Bool) {
        #expect(SwiftIdentifier.isValid(name) == valid)
    }
}
