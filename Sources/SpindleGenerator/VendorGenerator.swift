import Foundation
import SpindleIR
import SpindleOpenAPI
import SpindleYAML

/// One vendor's generation: spec folder (or file) + config -> IR -> Swift files.
public struct VendorGenerator {
    /// Where the spec is: a folder of fragments or one document.
    public var specPath: String
    /// The vendor config; defaults to `spindle.yaml` in the spec folder when present.
    public var configPath: String?
    public var templates: TemplateSet
    /// The previous generation of a module, by module name: usually the ``APISurface`` stored in that
    /// module's output folder. Its names are kept (``NameLock``), and so are the previous names of types
    /// the spec renamed (``RenamedType``).
    public var previous: (String) -> APISurface?
    /// The module name when the config gives none, instead of one made from the spec's folder name.
    public var defaultModule: String?
    /// A folder whose files the spec's `$ref`s may read besides those of the spec's own folder
    /// (`--spec-root`).
    public var specRoot: String?
    /// Whether `$ref`s may read any file (`--allow-external-refs`); `allowExternalRefs: true` in the
    /// vendor config allows it too.
    public var allowsExternalReferences: Bool
    /// The most bytes the generated files may hold together.
    public var outputBudget = OutputBudget()

    public init(
        specPath: String, configPath: String? = nil, templates: TemplateSet = .builtIn, defaultModule: String? = nil,
        specRoot: String? = nil, allowsExternalReferences: Bool = false,
        previous: @escaping (String) -> APISurface? = { _ in nil }
    ) {
        self.specPath = specPath
        self.configPath = configPath
        self.templates = templates
        self.defaultModule = defaultModule
        self.specRoot = specRoot
        self.allowsExternalReferences = allowsExternalReferences
        self.previous = previous
    }

    /// A generator that keeps only the names of a previous generation, not its renamed types.
    public init(
        specPath: String, configPath: String? = nil, templates: TemplateSet = .builtIn, specRoot: String? = nil,
        allowsExternalReferences: Bool = false, lock: @escaping (String) -> NameLock
    ) {
        self.init(
            specPath: specPath, configPath: configPath, templates: templates, specRoot: specRoot,
            allowsExternalReferences: allowsExternalReferences
        ) { module in
            APISurface(module: module, names: lock(module))
        }
    }

    /// The module name of a spec whose config names none: the name of its folder (the spec folder, or the
    /// folder of a spec file), the same however the path is written: `openapi.yaml`, `./openapi.yaml` and
    /// `../shop/openapi.yaml` run in the folder `shop` all give `Shop`.
    static func folderModuleName(
        specPath: String, isDirectory: Bool, currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> String {
        let absolute = specPath.hasPrefix("/") ? specPath : currentDirectory + "/" + specPath
        let standardized = URL(fileURLWithPath: absolute).standardizedFileURL.path
        let folder = isDirectory ? standardized : (standardized as NSString).deletingLastPathComponent
        return SwiftNaming.typeName((folder as NSString).lastPathComponent)
    }

    /// The config file `spindle.yaml` beside a spec file or in a spec folder, when there is one.
    public static func configFile(besideSpec path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        let folder = isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent
        let file = folder.isEmpty ? "spindle.yaml" : folder + "/spindle.yaml"
        return FileManager.default.fileExists(atPath: file) ? file : nil
    }

    /// The outcome: files when nothing went wrong, and every diagnostic either way.
    public struct Output: Sendable {
        public var module: IRModule?
        public var files: [GeneratedFile]
        /// The API surface written with the files (`spindle-surface.json`).
        public var surface: APISurface?
        public var diagnostics: [Diagnostic]
        /// The warning kinds the vendor config silences (`quietWarnings`).
        public var quietWarnings: Set<DiagnosticKind> = []
        public var succeeded: Bool { module != nil && !diagnostics.contains { $0.severity == .error } }
    }

    /// Runs the pipeline. Never throws for bad input: problems come back as diagnostics.
    ///
    /// It runs on a thread of its own with a large stack, so that long chains of schema
    /// references (which the IR builder follows recursively) cannot overflow the caller's stack.
    public func run() -> Output {
        onLargeStack { runPipeline() }
    }

    private func runPipeline() -> Output {
        // The YAML trees and the OpenAPI model are released before emitting: nothing in the IR refers
        // to them, and the rendered files take their memory instead of adding to it.
        let front = buildModule()
        guard let module = front.module else {
            return Output(module: nil, files: [], surface: nil, diagnostics: front.diagnostics, quietWarnings: front.quietWarnings)
        }
        // Hashed now, file by file, rather than while the trees and the model were still alive: reading
        // the spec again beside them set the peak memory of a large spec.
        let hash = contentHash(ofFiles: front.fragments)
        do {
            let deduplication = TypeDeduplication(types: module.types, operations: module.operations)
            var surface = APISurface(module: module, deduplication: deduplication)
            let renamed = front.keepRenamedTypes ? RenamedTypes.find(previous: front.previous, current: surface) : []
            surface.keep(renamed)
            var files = try SwiftEmitter(
                module: module, templates: templates, specHash: hash, accessLevel: front.accessLevel, hashable: front.hashable,
                deduplication: deduplication, renamedTypes: renamed, budget: outputBudget
            ).render()
            files.append(GeneratedFile(path: APISurface.fileName, contents: surface.json()))
            for file in files { try file.checkPath() }
            return Output(module: module, files: files, surface: surface, diagnostics: front.diagnostics, quietWarnings: front.quietWarnings)
        } catch let error as OutputTooLarge {
            return Output(
                module: nil, files: [], surface: nil, diagnostics: front.diagnostics + [error.diagnostic],
                quietWarnings: front.quietWarnings)
        } catch {
            return Output(
                module: nil, files: [], surface: nil, diagnostics: front.diagnostics + [.error("\(error)", at: nil)],
                quietWarnings: front.quietWarnings)
        }
    }

    /// What emitting needs from the spec: the IR (`nil` after an error), every diagnostic so far, the
    /// spec's files (for its content hash) and the configured access level.
    private struct FrontEnd {
        var module: IRModule?
        var diagnostics: [Diagnostic]
        var fragments: [String] = []
        var accessLevel: String = ""
        var hashable = true
        var quietWarnings: Set<DiagnosticKind> = []
        var keepRenamedTypes = true
        /// The module's previous generation.
        var previous: APISurface?
    }

    /// Loads the spec and its config and builds the IR.
    private func buildModule() -> FrontEnd {
        let loader = SpecLoader()
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: specPath, isDirectory: &isDirectory)
        guard exists else {
            return FrontEnd(module: nil, diagnostics: [.error("no spec at '\(specPath)'", at: nil)])
        }
        let folder = isDirectory.boolValue ? specPath : (specPath as NSString).deletingLastPathComponent
        let defaultModule = self.defaultModule ?? Self.folderModuleName(specPath: specPath, isDirectory: isDirectory.boolValue)

        var config = VendorConfig(module: defaultModule)
        let configFile = configPath ?? Self.configFile(besideSpec: specPath)
        var configNamesModule = false
        if let configFile {
            let document = loader.document(configFile)
            configNamesModule = document?.root?["module"] != nil
            if let document, let read = VendorConfig.read(document, defaultModule: defaultModule, report: loader.report) {
                config = read
            }
        }
        // The folder's name is checked as `module:` is, before anything is written: it names the output folder.
        if !configNamesModule, let problem = VendorConfig.moduleNameProblem(defaultModule, describedAs: "the module name from the folder name") {
            // At the config, or the spec, or the folder's first document: somewhere an editor opens.
            let documents = isDirectory.boolValue ? ((try? FileManager.default.contentsOfDirectory(atPath: specPath)) ?? []).sorted() : []
            let firstDocument = documents.first { [".yaml", ".yml", ".json"].contains(where: $0.hasSuffix) }.map { folder.hasSuffix("/") ? folder + $0 : folder + "/" + $0 }
            let place = configFile ?? (isDirectory.boolValue ? firstDocument : specPath)
            loader.report(.error(problem + "; set 'module:' in spindle.yaml", at: place.map { SourceLocation(file: $0, line: 1, column: 1) }))
        }
        if let specRoot {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: specRoot, isDirectory: &isFolder), isFolder.boolValue else {
                return FrontEnd(module: nil, diagnostics: [.error("no folder at '\(specRoot)' (--spec-root)", at: nil)])
            }
        }
        loader.referenceScope =
            allowsExternalReferences || config.allowsExternalReferences ? .anywhere : .inside([folder] + [specRoot].compactMap { $0 })
        let api = isDirectory.boolValue ? loader.loadFolder(specPath) : loader.loadAPI(fragments: [specPath])
        guard let api, !loader.diagnostics.hasErrors else {
            return FrontEnd(module: nil, diagnostics: loader.diagnostics.sorted, quietWarnings: config.quietWarnings)
        }
        let previous = previous(config.module)
        let module = IRBuilder(api: api, loader: loader, config: config, lock: previous?.names ?? NameLock()).build()
        guard !loader.diagnostics.hasErrors else {
            return FrontEnd(module: nil, diagnostics: loader.diagnostics.sorted, quietWarnings: config.quietWarnings)
        }
        return FrontEnd(
            module: module, diagnostics: loader.diagnostics.sorted, fragments: api.fragments, accessLevel: config.accessLevel.rawValue,
            hashable: config.hashable, quietWarnings: config.quietWarnings, keepRenamedTypes: config.keepRenamedTypes, previous: previous)
    }
}
