import SpindleYAML

/// The security schemes a generated client takes credentials for: every scheme any operation's requirements
/// name (the spec's order), each with the environment variable its credential defaults to.
struct ClientSecurity {
    /// The schemes in use.
    let schemes: [IRSecurityScheme]
    /// Warnings about `auth` entries that have no effect.
    let configProblems: [Diagnostic]

    init(schemes all: [IRSecurityScheme], operations: [IROperation], defaultRequirements: [[String]], config: VendorConfig) {
        let named = Set(operations.flatMap { $0.securityRequirements.joined() } + defaultRequirements.joined())
        var schemes = all.filter { named.contains($0.name) }
        var problems: [Diagnostic] = []
        for index in schemes.indices {
            schemes[index].environmentVariable = config.schemeEnvironmentVariables[schemes[index].name]
        }
        if let variable = config.credentialEnvironmentVariable {
            if schemes.count == 1 {
                schemes[0].environmentVariable = schemes[0].environmentVariable ?? variable
            } else if !schemes.isEmpty, let location = config.credentialEnvironmentVariableLocation {
                let names = schemes.map { "'\($0.name)'" }.joined(separator: ", ")
                problems.append(.warning(
                    .unusedConfig,
                    "auth.environmentVariable names one variable, but the client takes credentials for \(schemes.count) "
                        + "schemes (\(names)); name one per scheme under auth.environmentVariables; this entry has no effect",
                    at: location))
            }
        }
        for (name, location) in config.schemeEnvironmentVariableLocations.sorted(by: { $0.key < $1.key })
        where !schemes.contains(where: { $0.name == name }) {
            problems.append(.warning(
                .unusedConfig,
                "auth.environmentVariables: no operation uses a security scheme named '\(name)'; this entry has no effect",
                at: location))
        }
        self.schemes = schemes
        configProblems = problems
    }
}
