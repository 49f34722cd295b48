import Foundation
import Mustache
import SpindleIR
import SpindleOpenAPI
import SpindleYAML

/// Renders an ``IRModule`` into Swift files through the templates.
///
/// Output is deterministic: files and their contents depend only on the IR, the templates and
/// the spec hash, never on dictionary order, time or machine.
public struct SwiftEmitter: Sendable {
    let module: IRModule
    let templates: TemplateSet
    let specHash: String
    let access: String
    /// `Hashable`, or `Equatable` when the config turns `hashable` off.
    let equality: String
    /// The types to declare; computed from the module unless the caller has it.
    let deduplication: TypeDeduplication?
    /// Previous names of renamed types, declared as deprecated aliases.
    let renamedTypes: [RenamedType]
    /// The most the files may hold together.
    let budget: OutputBudget

    /// Creates an emitter; `specHash` goes into every file header (see ``contentHash(_:)``). Generated types are
    /// `Hashable` unless `hashable` is false, when they are only `Equatable`.
    public init(
        module: IRModule, templates: TemplateSet = .builtIn, specHash: String, accessLevel: String = "public", hashable: Bool = true,
        budget: OutputBudget = OutputBudget()
    ) {
        self.init(
            module: module, templates: templates, specHash: specHash, accessLevel: accessLevel, hashable: hashable,
            deduplication: nil, budget: budget)
    }

    /// An emitter for a module whose repeated shapes `deduplication` declares once (computed when `nil`), and
    /// which keeps the previous names of `renamedTypes`.
    init(
        module: IRModule, templates: TemplateSet, specHash: String, accessLevel: String, hashable: Bool,
        deduplication: TypeDeduplication?, renamedTypes: [RenamedType] = [], budget: OutputBudget = OutputBudget()
    ) {
        self.module = module
        self.templates = templates
        self.specHash = specHash
        self.access = accessLevel
        self.equality = hashable ? "Hashable" : "Equatable"
        self.deduplication = deduplication
        self.renamedTypes = renamedTypes
        self.budget = budget
    }

    /// Every file of the module, sorted by path.
    ///
    /// Throws ``OutputTooLarge`` (a located error) when the files would hold more than the budget.
    public func render() throws -> [GeneratedFile] {
        let library = try templates.library()
        let module = module
        let byPath: [String: IRType] = {
            var byPath: [String: IRType] = [:]
            func index(_ type: IRType) {
                byPath[type.path.joined(separator: ".")] = type
                type.nested.forEach(index)
            }
            module.types.forEach(index)
            return byPath
        }()
        // Deprecated types are declared under another name, which generated code uses (``DeprecatedTypeNames``).
        let declaredPaths = DeprecatedTypeNames.declaredPaths(byPath.values.map { ($0.path, $0.deprecated) })
        // What a type declares: its members and nested types, the latter also under the underscored names
        // of deprecated types.
        let declaredNames = byPath.mapValues { type in
            type.declaredNames.union(type.nested.compactMap { declaredPaths[$0.path.joined(separator: ".")]?.last })
        }
        let spelling = SwiftTypeSpelling(
            moduleName: module.moduleName,
            declaredNames: { path in declaredNames[path.joined(separator: ".")] ?? [] },
            lookup: { path in byPath[path.joined(separator: ".")] },
            declared: { path in declaredPaths[path.joined(separator: ".")] ?? path })

        @Sendable func render(_ template: String, _ context: [String: Any]) throws -> String {
            guard let text = library.render(context, withTemplate: template) else {
                throw TemplateError("template '\(template)' is missing")
            }
            return normalizeWhitespace(text)
        }
        // The header names the spec, and hashes the file's own content: a spec bump then touches
        // only the files whose code changes (the client file carries the spec version and hash).
        let sources = module.sourceFiles.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        @Sendable func renderFile(_ template: String, _ context: [String: Any], version: String? = nil) throws -> String {
            let body = try render(template, context.merging(["header": "\u{0}"]) { current, _ in current })
            let header = try render(
                "header",
                [
                    // One comment line: a line break in the title would end the comment.
                    "title": commentLine(module.title),
                    "spec": version.map { commentLine("\($0) (\(sources))") } ?? false,
                    "hash": contentHash([Array(body.utf8)]),
                ]
            )
            return replacingPlaceholder(in: body, with: trimmingLineBreaks(header))
        }

        // Nested declarations are rendered on their own and indented here: mustache partial
        // indentation does not carry through sections.
        // Lookups (`byPath`, the spelling) keep describing every type by its own shape; only the
        // declarations written differ: a repeated shape is declared once (``TypeDeduplication``).
        let declarations = deduplication ?? TypeDeduplication(types: module.types, operations: module.operations)
        // Before anything is rendered: a spec that multiplies its text must not be multiplied in memory first.
        let specStart = module.sourceFiles.first.map { SourceLocation(file: $0, line: 1, column: 1) }
        try budget.check(OutputEstimate(module: module, declaredTypes: declarations.types), fallback: specStart)
        let meter = OutputMeter(budget: budget)
        @Sendable func metered(_ part: String, at location: SourceLocation?, _ job: () throws -> GeneratedFile) throws -> GeneratedFile {
            try meter.checkOpen()
            let file = try job()
            _ = try meter.count(file.contents, for: part, at: location)
            return file
        }
        var parameterTypes = Set(module.operations.flatMap { $0.parameters.compactMap(\.type.namedPath) })
        // A parameter typed by an alias (`typealias Ids = [Id]`, or a repeat declared as one) needs what
        // the alias names to encode as a parameter too.
        var aliasTargets = Array(parameterTypes)
        while let path = aliasTargets.popLast() {
            let key = path.joined(separator: ".")
            var target = declarations.targets[key]
            if target == nil, case .alias(let aliased)? = byPath[key]?.kind { target = aliased.namedPath }
            if let target, parameterTypes.insert(target).inserted { aliasTargets.append(target) }
        }
        let types = TypeContextBuilder(
            spelling: spelling, access: access, equality: equality, parameterTypes: parameterTypes,
            layout: StorageLayout(types: byPath))
        @Sendable func renderType(_ type: IRType) throws -> String {
            var context = types.context(for: type)
            context["nested"] = try type.nested.map { indented(try renderType($0)) }
            return trimmingLineBreaks(try render("type", context))
        }
        let errorCases = ErrorBodyCases(operations: module.operations)
        let errorDecoders = errorCases.decoders(for: module.operations)
        let errorName = module.moduleName + "Error"
        let errorBodyName = module.moduleName + "ErrorBody"
        let tree = ResourceTree(operations: module.operations, clientName: module.clientName)
        @Sendable func operationContexts(_ spelling: SwiftTypeSpelling) -> OperationContextBuilder {
            OperationContextBuilder(
                spelling: spelling, access: access, errorName: errorName, errorBodyName: errorBodyName,
                errorDecoders: errorDecoders.byOperation, defaultSecurity: module.security)
        }
        let operations = operationContexts(spelling)
        // The client's own operations are declared in an extension of the client, where its nested types
        // (`Operations`, the resources' types) hide the module's types of the same names.
        let clientSpelling = spelling.qualifying(OperationDescriptors.shadowedNames(tree))
        let rootOperations = operationContexts(clientSpelling)

        @Sendable func renderOperations(_ list: [IROperation], _ operations: OperationContextBuilder) throws -> [String] {
            try list.map { indented(trimmingLineBreaks(try render("operation", operations.context(for: $0)))) }
        }
        let clientFile = { @Sendable in
            GeneratedFile(
                path: FileNames.swiftFile(module.clientName),
                contents: try renderFile(
                    "client",
                    self.clientContext(tree: tree, operations: try renderOperations(tree.root.operations, rootOperations)),
                    version: "\(module.version), spec hash \(specHash)"))
        }
        @Sendable func errorCaseContexts() -> [[String: Any]] {
            errorCases.cases.map { errorCase -> [String: Any] in
                [
                    "escapedName": SwiftNaming.escaped(errorCase.name),
                    "swiftType": spelling.spell(errorCase.type),
                    "docs": docLines(errorCase.description),
                ]
            }
        }
        let operationsFile = { @Sendable in
            let descriptors = OperationDescriptors(
                tree: tree, module: module, operations: rootOperations, access: access, errorBodyName: errorBodyName,
                errorCases: errorCaseContexts())
            return GeneratedFile(
                path: FileNames.swiftFile(module.clientName + "+" + OperationDescriptors.namespace),
                contents: try renderFile("operations", descriptors.context()))
        }
        let errorsFile = { @Sendable in
            GeneratedFile(
                path: FileNames.swiftFile(errorName),
                contents: try renderFile(
                    "errors",
                    [
                        "access": access, "equality": equality, "clientName": module.clientName, "errorName": errorName,
                        "errorBodyName": errorBodyName,
                        "cases": errorCaseContexts(),
                        "decoders": errorDecoders.decoders.map { decoder -> [String: Any] in
                            [
                                "name": decoder.name,
                                "operations": decoder.operations.isEmpty ? false : decoder.operations.joined(separator: ", "),
                                "needsDefault": decoder.needsDefault,
                                "cases": decoder.cases.map { ["pattern": $0.pattern, "caseName": $0.caseName] },
                            ]
                        },
                    ]))
        }
        @Sendable func resourceFile(_ resource: ResourceTree.Node) throws -> GeneratedFile {
            let flattened = try resource.flattened().map { node -> [String: Any] in
                [
                    "access": access,
                    "parentName": node.parentQualifiedName,
                    "typeName": node.typeName,
                    "qualifiedName": node.qualifiedName,
                    "pathDescription": node.path.joined(separator: "."),
                    "children": node.children.map { $0.propertyContext },
                    "hasOperations": !node.operations.isEmpty,
                    "operations": try renderOperations(node.operations, operations),
                ]
            }
            return GeneratedFile(path: "Resources/" + FileNames.swiftFile(resource.typeName), contents: try renderFile("resource-file", ["resources": flattened]))
        }

        // Every file is independent of the others, so they are rendered on every core; each lands at its
        // own index, so the output does not depend on timing. Resource files, each holding many operations,
        // come first, so that no large job starts last while the other cores have run out of work.
        let resources = tree.root.children
        let fileJobs = 3 + resources.count
        let declaredTypes = declarations.types
        // The previous names of renamed types are declared after the types, each in a file of its own name.
        let renamedTypes = renamedTypes
        let typeCount = declaredTypes.count + renamedTypes.count
        let jobCount = fileJobs + typeCount
        let results = ConcurrentResults<GeneratedFile>(count: fileJobs)
        let renderedTypes = ConcurrentResults<String>(count: typeCount)
        DispatchQueue.concurrentPerform(iterations: jobCount) { index in
            switch index {
            case 0: results.set(index) { try metered("the client", at: specStart) { try clientFile() } }
            case 1: results.set(index) { try metered("the error types", at: specStart) { try errorsFile() } }
            case 2: results.set(index) { try metered("the operation descriptions", at: specStart) { try operationsFile() } }
            case ..<fileJobs:
                let resource = resources[index - 3]
                results.set(index) {
                    try metered("resource '\(resource.typeName)'", at: resource.operations.first?.location ?? specStart) { try resourceFile(resource) }
                }
            case ..<(fileJobs + declaredTypes.count):
                let type = declaredTypes[index - fileJobs]
                renderedTypes.set(index - fileJobs) {
                    try meter.checkOpen()
                    return try meter.count(try renderType(type), for: "type '\(type.name)'", at: type.location ?? specStart)
                }
            default:
                let rename = renamedTypes[index - fileJobs - declaredTypes.count]
                renderedTypes.set(index - fileJobs) { trimmingLineBreaks(try render("type", types.context(for: rename))) }
            }
        }
        var files = try results.values()
        // Type files are put together once every type is rendered: how a large module groups its types
        // into files depends on their sizes (``TypeFileLayout``). Each file takes its types' text out of
        // `renderedTypes`, so the rendered types and the files made of them are not all alive at once (that
        // was the generator's peak memory).
        let sizes = try (0..<typeCount).map { try renderedTypes.size(of: $0) }
        let layout = TypeFileLayout.files(names: declaredTypes.map(\.name) + renamedTypes.map(\.oldName), sizes: sizes)
        let typeFiles = ConcurrentResults<GeneratedFile>(count: layout.count)
        DispatchQueue.concurrentPerform(iterations: layout.count) { index in
            typeFiles.set(index) {
                let file = layout[index]
                let body = try file.members.map { try renderedTypes.take($0) }.joined(separator: "\n\n")
                return GeneratedFile(path: "Types/" + FileNames.swiftFile(file.name), contents: try renderFile("type-file", ["type": body]))
            }
        }
        files += try typeFiles.values()
        return files.sorted { $0.path < $1.path }
    }

    private func clientContext(tree: ResourceTree, operations: [String]) -> [String: Any] {
        let documented = module.servers.first
        let server = documented.flatMap { $0.isValid ? $0.url : nil } ?? "http://localhost"
        let serverDocs =
            documented.map { $0.isValid ? "The server the API documents: `\(commentLine(server))`." : "The API documents `\(commentLine($0.url))`, which is no usable URL, so this is `\(server)`." }
            ?? "The API documents no server, so this is `\(server)`."
        let credentials = ClientCredentials(module: module)
        let context: [String: Any] = [
            "access": access,
            "clientName": module.clientName,
            "docs": docLines("A client for \(module.title) \(module.version).\n\n" + (module.description ?? "")),
            "serverDocs": serverDocs,
            "serverURLLiteral": swiftStringLiteral(server),
            "credentials": credentials.parameters.map { parameter -> [String: Any] in
                let lines = docLines(parameter.docs, width: 100 - parameter.label.count)
                return [
                    "label": parameter.label,
                    "type": parameter.type,
                    "docs": lines.enumerated().map { index, line in
                        index == 0 ? "   - \(parameter.label): \(line)" : "     " + line
                    },
                ]
            },
            "securityArguments": Self.securityArguments(credentials, defaultSecurity: module.security),
            "resources": tree.root.children.map { $0.propertyContext },
            "hasRootOperations": !tree.root.operations.isEmpty,
            "rootOperations": operations,
        ]
        return context
    }
}

extension SwiftEmitter {
    /// The `APIClient` initializer's security arguments: each scheme with the credential argument, and the
    /// default requirements; for a client without schemes, none (`security: []`).
    static func securityArguments(_ credentials: ClientCredentials, defaultSecurity: [[String]]) -> String {
        guard !credentials.parameters.isEmpty else { return "security: []" }
        let indent = String(repeating: " ", count: 16)
        let schemes = credentials.parameters.map { parameter in
            var arguments = [swiftStringLiteral(parameter.scheme.name), parameter.scheme.runtimeLiteral, "credential: \(parameter.credential)"]
            if let variable = parameter.scheme.environmentVariable {
                arguments.append("environmentVariable: \(swiftStringLiteral(variable))")
            }
            let single = "ClientSecurityScheme(" + arguments.joined(separator: ", ") + ")"
            if indent.count + single.count + 1 <= 120 { return indent + single }
            return indent + "ClientSecurityScheme(\n" + arguments.map { indent + "    " + $0 }.joined(separator: ",\n")
                + "\n" + indent + ")"
        }
        // swift-format wants a trailing comma after the last of several elements, and none after a lone one.
        let separator = schemes.count > 1 ? ",\n" : "\n"
        var text = "securitySchemes: [\n" + schemes.map { $0 + separator }.joined() + "            ]"
        if !defaultSecurity.isEmpty {
            text += ",\n            " + requirementsLiteral(defaultSecurity, prefix: "security: ", indent: 12, column: 12)
        }
        return text
    }
}

/// Indents every non-empty line by four spaces.
///
/// Works on UTF-8 bytes, as `normalizeWhitespace` does: nested types pass through here once per level.
func indented(_ text: String) -> String {
    let newline = UInt8(ascii: "\n")
    var text = text
    return text.withUTF8 { input in
        var output: [UInt8] = []
        output.reserveCapacity(input.count + 256)
        var atLineStart = true
        for byte in input {
            if atLineStart && byte != newline {
                // Four appends, not `+= [...]`: an array literal per line was a heap allocation per line.
                for _ in 0..<4 { output.append(0x20) }
            }
            output.append(byte)
            atLineStart = byte == newline
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// `text` without line breaks (`\n`, `\r`) at either end: `trimmingCharacters(in: .newlines)` for
/// rendered templates, without bridging every rendered type to `NSString` (that bridging was a sixth of
/// the whole generation's time).
func trimmingLineBreaks(_ text: String) -> String {
    let utf8 = text.utf8
    let isBreak = { (byte: UInt8) in byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }
    guard let first = utf8.firstIndex(where: { !isBreak($0) }), let last = utf8.lastIndex(where: { !isBreak($0) }) else {
        return ""
    }
    return String(Substring(utf8[first...last]))
}

/// Trims trailing spaces, collapses runs of blank lines and ends the file with one newline, so
/// that template whitespace never shows up in diffs or lint. No blank line is kept right after an
/// opening brace or right before a closing one.
///
/// Works on UTF-8 bytes: it runs over every generated line, and `Character` operations are slow.
func normalizeWhitespace(_ text: String) -> String {
    let space = UInt8(ascii: " ")
    let newline = UInt8(ascii: "\n")
    var text = text
    let output: [UInt8] = text.withUTF8 { input in
        // Lines are written to `output` as they are accepted, each ending in a newline; what the rules
        // ask about the last accepted line is read back from the end of `output`.
        var output: [UInt8] = []
        output.reserveCapacity(input.count + 1)
        func lastLineIsBlank() -> Bool {
            output.last == newline && (output.count == 1 || output[output.count - 2] == newline)
        }
        var previousBlank = true
        var start = 0
        while start <= input.count {
            var end = start
            while end < input.count && input[end] != newline { end += 1 }
            var lineEnd = end
            while lineEnd > start && input[lineEnd - 1] == space { lineEnd -= 1 }
            let lineStart = start
            start = end + 1
            let blank = lineEnd == lineStart
            if blank && previousBlank { continue }
            var firstNonSpace = lineStart
            while firstNonSpace < lineEnd && input[firstNonSpace] == space { firstNonSpace += 1 }
            if firstNonSpace < lineEnd, input[firstNonSpace] == UInt8(ascii: "}"), lastLineIsBlank() { output.removeLast() }
            if blank, output.count >= 2, output[output.count - 2] == UInt8(ascii: "{") { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[lineStart..<lineEnd]))
            output.append(newline)
            previousBlank = blank
        }
        while lastLineIsBlank() { output.removeLast() }
        return output
    }
    return String(decoding: output, as: UTF8.self)
}

/// `text` with its first U+0000, the header placeholder, replaced by `header`.
///
/// Only the first: the placeholder is the first line of every file template, and spec text cannot
/// put a NUL before it, or anywhere (comments show NUL as `␀`, literals escape it). A NUL that did
/// get through is left for the compiler to flag rather than becoming a second header. Works on
/// bytes, without bridging the file to `NSString`: every generated file passes through here.
func replacingPlaceholder(in text: String, with header: String) -> String {
    var text = text
    let replaced: [UInt8]? = text.withUTF8 { input in
        guard let placeholder = input.firstIndex(of: 0) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(input.count + header.utf8.count)
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[..<placeholder]))
        output.append(contentsOf: header.utf8)
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[(placeholder + 1)...]))
        return output
    }
    return replaced.map { String(decoding: $0, as: UTF8.self) } ?? text
}
