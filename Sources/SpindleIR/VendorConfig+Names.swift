/// The checks on the names `spindle.yaml` gives, which generated code uses as written.
///
/// Each returns why a name is refused, or `nil`; the message quotes the name with its control
/// characters escaped, so a name holding a line break cannot break the diagnostic line either.
enum ConfigNames {
    /// Modules generated code cannot be: it imports these, or they are Swift's own.
    static let reservedModules: Set<String> = ["Swift", "Foundation", "FoundationEssentials", "Dispatch", "SpindleRuntime", "Glibc", "Darwin"]

    /// The longest module name, in UTF-8 bytes. The module names the output folder, beside which the
    /// generator stages `.<module>.spindle-staging-<pid>`, and file systems refuse a name over 255 bytes.
    static let maxModuleBytes = 128

    /// `module`: also the name of the output folder and of the module's error types.
    static func moduleProblem(_ name: String, _ what: String = "'module'") -> String? {
        if let problem = identifierProblem(name, what) { return problem }
        if reservedModules.contains(name) { return "\(what) \(quoted(name)) is a module generated code imports; choose another name" }
        if name.utf8.count > maxModuleBytes {
            let start = quoted(name.prefix(24) + "…")
            return "\(what) \(start) is \(name.utf8.count) bytes long; it names the output folder, so the limit is \(maxModuleBytes)"
        }
        return nil
    }

    /// `client`, and the values of `naming.types`: type names declared in the module.
    static func typeProblem(_ name: String, _ what: String) -> String? {
        if let problem = identifierProblem(name, what) { return problem }
        if SwiftNaming.reservedTypeNames.contains(name) {
            return "\(what) \(quoted(name)) would shadow a type generated code uses; choose another name"
        }
        return nil
    }

    /// A `naming.operations` value: where the operation goes, `resource.sub.method`.
    static func operationPathProblem(_ path: String) -> String? {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard SwiftIdentifier.isValidPath(path) else {
            return "operation name \(quoted(path)) must be Swift identifiers separated by dots, such as 'customers.list'"
        }
        // Every resource struct and the client store their `APIClient` as `client`.
        if parts.contains("client") {
            return "operation name \(quoted(path)) uses 'client', the name every resource gives its APIClient; choose another name"
        }
        return nil
    }

    /// `auth.environmentVariable`.
    static func environmentVariableProblem(_ name: String) -> String? {
        SwiftIdentifier.isEnvironmentVariableName(name)
            ? nil : "'environmentVariable' \(quoted(name)) must be an environment variable name: letters, digits and '_', not starting with a digit"
    }

    /// A `naming.dropSuffixes` element: the tail of a type name.
    static func suffixProblem(_ suffix: String) -> String? {
        SwiftIdentifier.isValid("A" + suffix) && !suffix.isEmpty
            ? nil : "suffix \(quoted(suffix)) must be letters, digits or '_'"
    }

    private static func identifierProblem(_ name: String, _ what: String) -> String? {
        guard SwiftIdentifier.isValid(name) else {
            return "\(what) \(quoted(name)) is not a Swift identifier: it must be a letter or '_' followed by letters, digits or '_'"
        }
        // Decided: refused rather than backquoted. The name is also a file name and part of other
        // names (`<Module>Error`), where a backquote cannot go.
        guard !SwiftNaming.keywords.contains(name) else { return "\(what) \(quoted(name)) is a Swift keyword; choose another name" }
        return nil
    }

    /// `name` in single quotes, with control characters, quotes and backslashes escaped.
    static func quoted(_ name: String) -> String {
        var result = "'"
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "'": result += "\\'"
            case "\\": result += "\\\\"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "'"
    }
}
