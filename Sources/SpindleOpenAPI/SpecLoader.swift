import Foundation
import SpindleYAML

/// Loads OpenAPI documents and resolves `$ref`s between and within them.
///
/// One loader serves one generation run: it caches parsed files and schemas so every `$ref` to the
/// same place yields the same ``Schema`` instance, and it collects every diagnostic it finds instead
/// of stopping at the first. It is not thread-safe; use it from one task.
public final class SpecLoader {
    /// Everything found so far, errors and warnings.
    public private(set) var diagnostics = DiagnosticBag()
    /// Nesting and alias budgets for every file this loader parses.
    public let limits: YAMLLimits
    /// The files `$ref`s may read; any file unless set (``VendorGenerator`` keeps them to the spec's
    /// folder). Set it before loading.
    public var referenceScope = ReferenceScope.anywhere

    /// What has been reported, so a problem met again (a dangling `$ref` resolved by several
    /// stages, a cycle entered from each of its members) is reported once.
    private var reported: Set<Diagnostic> = []
    private var reportedCycles: Set<Reference> = []
    private var documents: [String: YAMLDocument] = [:]
    private var unreadable: Set<String> = []
    /// Why each file a reference led to may not be read (`nil` when it may), so each is judged once.
    private var scopeProblems: [String: String?] = [:]
    /// One schema per node, however it is reached (inline, through any spelling of a `$ref`, or an
    /// alias): the node is the identity, and hashing it costs two words.
    private var schemas: [YAMLNode: Schema] = [:]
    /// The schema each reference target denotes, so a `$ref` met again skips walking its pointer.
    private var referencedSchemas: [Reference: Schema] = [:]
    /// What `$ref` chains resolved to, by the target of each reference on the chain.
    private var resolvedTargets: [Reference: Schema] = [:]
    /// `$ref` texts already read, by text, with the file they were read in: most references repeat
    /// (`#/components/schemas/...`), and reading one splits and unescapes its text.
    private var readReferences: [String: (file: String, reference: Reference)] = [:]
    /// Key lookup tables of the large mappings `$ref` pointers pass through (`components/schemas`
    /// has over a thousand keys in Stripe's spec; scanning it per reference was most of resolving).
    private var mappingIndexes: [YAMLNode: [String: YAMLNode]] = [:]
    /// Every schema read that is a `$ref`, in reading order, for ``checkReferences()``.
    private(set) var referringSchemas: [Schema] = []
    /// Every discriminator mapping target read, for ``checkReferences()``.
    private(set) var mappingReferences: [Reference] = []
    private let fileReader: @Sendable (String) -> [UInt8]?
    /// Typed reads that report here; made once, because a method reference made per schema was an
    /// allocation per schema.
    private(set) lazy var reader = NodeReader(report: { [unowned self] in self.report($0) })

    /// Creates a loader that reads files from disk (or through `fileReader`, for tests).
    public init(limits: YAMLLimits = .default, fileReader: (@Sendable (String) -> [UInt8]?)? = nil) {
        self.limits = limits
        self.fileReader = fileReader ?? { path in FileManager.default.contents(atPath: path).map { [UInt8]($0) } }
    }

    /// Records a diagnostic; later stages (IR building) report through the same loader.
    public func report(_ diagnostic: Diagnostic) {
        if reported.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    /// The parsed file at `path` (a display path), parsing it on first use.
    ///
    /// Failures are reported once, at `referencedFrom` when the file is missing.
    public func document(_ path: String, referencedFrom: SourceLocation? = nil) -> YAMLDocument? {
        if let document = documents[path] { return document }
        if unreadable.contains(path) { return nil }
        guard let bytes = fileReader(path) else {
            unreadable.insert(path)
            report(.error("cannot read file '\(path)'", at: referencedFrom ?? SourceLocation(file: path, line: 1, column: 1)))
            return nil
        }
        do {
            let document = try YAMLDocument.parse(bytes, file: path, limits: limits)
            documents[path] = document
            for warning in document.warnings { report(warning) }
            return document
        } catch {
            unreadable.insert(path)
            for diagnostic in error.diagnostics { report(diagnostic) }
            return nil
        }
    }

    /// Builds a ``Reference`` from `$ref` text written in `file`, or reports why it cannot be followed.
    func reference(_ text: String, in file: String, at location: SourceLocation) -> Reference? {
        if let known = readReferences[text], known.file == file {
            var reference = known.reference
            reference.location = location
            return reference
        }
        let parts = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let filePart = String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : ""
        if filePart.contains("://") {
            report(.error("remote reference '\(text)' is not supported; download the file and refer to it by a relative path", at: location))
            return nil
        }
        guard let pointer = JSONPointer(fragment: fragment) else {
            report(.error("reference '\(text)' has a fragment that is not a JSON pointer", at: location))
            return nil
        }
        let target = filePart.isEmpty ? file : resolveRelativePath(filePart.removingPercentEncoding ?? filePart, from: file)
        if target != file, let problem = scopeProblem(target) {
            report(.error("reference '\(text)' \(problem); \(ReferenceScope.optOut)", at: location))
            return nil
        }
        let reference = Reference(file: target, pointer: pointer, text: text, location: location)
        readReferences[text] = (file, reference)
        return reference
    }

    /// Why references may not read the file at `path`, or `nil`; judged once per file.
    func scopeProblem(_ path: String) -> String? {
        if referenceScope.allowsAnyFile { return nil }
        if let known = scopeProblems[path] { return known }
        let problem = referenceScope.problem(reading: path)
        scopeProblems[path] = problem
        return problem
    }

    /// The value for `key` in `mapping`, through a lookup table when the mapping is large.
    private func value(for key: String, in mapping: YAMLNode) -> YAMLNode? {
        guard mapping.count > 32 else { return mapping[key] }
        if let index = mappingIndexes[mapping] { return index[key] }
        var index: [String: YAMLNode] = [:]
        index.reserveCapacity(mapping.count)
        for position in 0..<mapping.count {
            let (keyNode, value) = mapping.entry(at: position)
            // The first of duplicate keys wins, as in a scan (duplicates are reported by the parser).
            if let name = keyNode.scalar, index[name] == nil { index[name] = value }
        }
        mappingIndexes[mapping] = index
        return index[key]
    }

    /// The node a reference points at, or `nil` after reporting a dangling reference at the `$ref`.
    public func node(at reference: Reference) -> YAMLNode? {
        guard let document = document(reference.file, referencedFrom: reference.location) else { return nil }
        guard var node = document.root else {
            report(.error("reference '\(reference.text)' points into an empty document", at: reference.location))
            return nil
        }
        for token in reference.pointer.tokens {
            let next: YAMLNode?
            switch node.kind {
            case .mapping: next = value(for: token, in: node)
            case .sequence: next = Int(token).flatMap { $0 >= 0 && $0 < node.count ? node.element(at: $0) : nil }
            case .scalar: next = nil
            }
            guard let next else {
                report(.error("dangling reference '\(reference.text)': no '\(token)' in \(reference.file)", at: reference.location))
                return nil
            }
            node = next
        }
        return node
    }

    /// The schema a reference points at, parsed once per target.
    public func schema(at reference: Reference) -> Schema? {
        if let cached = referencedSchemas[reference] { return cached }
        guard let node = node(at: reference) else { return nil }
        let origin = Reference(file: reference.file, pointer: reference.pointer, location: node.location)
        let schema = schema(node, origin: origin)
        referencedSchemas[reference] = schema
        return schema
    }

    /// Follows a schema's chain of `$ref`s to the schema that defines something.
    ///
    /// Returns `nil` for a dangling reference or a cycle made only of references (both reported).
    public func resolve(_ schema: Schema) -> Schema? {
        var current = schema
        var chain: [Reference] = []
        // Membership in a short chain is a scan; a set is built only for long ones (most chains have one
        // link, and a set per resolution was a tenth of checking references).
        var inChain: Set<Reference> = []
        let setThreshold = 16
        while let ref = current.ref {
            // Every schema of a chain resolves to the same end: a chain of n references is walked
            // once, not once per member (which made a 10,000-link chain a hang).
            if let end = resolvedTargets[ref] {
                current = end
                break
            }
            if chain.count < setThreshold || inChain.contains(ref), let start = chain.firstIndex(of: ref) {
                // One error per cycle, whichever member it is entered from.
                let cycle = chain[start...]
                if reportedCycles.isDisjoint(with: cycle) {
                    report(.error("reference cycle: '\(ref.text)' refers back to itself through references only", at: ref.location))
                }
                reportedCycles.formUnion(cycle)
                return nil
            }
            chain.append(ref)
            if chain.count == setThreshold {
                inChain = Set(chain)
            } else if chain.count > setThreshold {
                inChain.insert(ref)
            }
            guard let target = self.schema(at: ref) else { return nil }
            current = target
        }
        for target in chain { resolvedTargets[target] = current }
        return current
    }

    /// Makes room in the schema cache for `additional` more schemas.
    func reserveSchemaCapacity(_ additional: Int) {
        schemas.reserveCapacity(schemas.count + additional)
    }

    /// Parses (or returns the cached) schema object at `node`.
    func schema(_ node: YAMLNode, origin: Reference) -> Schema {
        if let cached = schemas[node] { return cached }
        let parsed = SchemaParser(loader: self, origin: origin).parse(node)
        schemas[node] = parsed
        if parsed.ref != nil { referringSchemas.append(parsed) }
        if let mapping = parsed.discriminator?.mapping {
            for entry in mapping { mappingReferences.append(entry.ref) }
        }
        return parsed
    }
}
