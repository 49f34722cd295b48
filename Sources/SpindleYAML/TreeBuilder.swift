import SpindleCYaml

/// Builds a ``YAMLDocument`` arena from libyaml events, iteratively (no recursion),
/// enforcing ``YAMLLimits`` as it goes.
struct TreeBuilder {
    /// Thrown internally to stop at a fatal error (already recorded in `diagnostics`).
    struct Stop: Error {}

    /// A collection that has started but not ended.
    struct Frame {
        /// The collection's node index.
        var node: UInt32
        /// Where its children begin in `scratch`.
        var scratchBase: Int
    }

    let file: String
    let limits: YAMLLimits

    var nodes: [NodeRecord] = []
    /// Subtree size and height of each node, by index, for the alias and depth budgets.
    var extents: [NodeExtent] = []
    var children: [UInt32] = []
    var scalars: [UInt8] = []
    var tags: [UInt32: String] = [:]
    var anchors: [String: UInt32] = [:]
    var stack: [Frame] = []
    /// Children of the open collections, innermost last.
    var scratch: [UInt32] = []
    var keySet = KeySet()
    var root: UInt32?
    /// Nodes expanded through aliases so far.
    var aliasTotal = 0
    /// Bytes of scalar text expanded through aliases so far.
    var aliasBytes = 0
    var documentCount = 0
    /// Set after the first document: later events are validated by libyaml but not stored.
    var skipping = false
    var diagnostics = DiagnosticBag()

    init(file: String, limits: YAMLLimits, inputSize: Int) {
        self.file = file
        self.limits = limits
        // Rough shape of typical OpenAPI documents; arrays grow as needed.
        nodes.reserveCapacity(inputSize / 16 + 16)
        extents.reserveCapacity(inputSize / 16 + 16)
        children.reserveCapacity(inputSize / 16 + 16)
        scalars.reserveCapacity(inputSize / 2 + 16)
        stack.reserveCapacity(64)
        scratch.reserveCapacity(1024)
    }

    /// Parses `input`, recording nodes and diagnostics.
    mutating func run(_ input: UnsafeBufferPointer<UInt8>) {
        guard let base = input.baseAddress, !input.isEmpty else { return }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            diagnostics.error("out of memory while parsing YAML", at: nil)
            return
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, base, input.count)

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) != 0 else {
                diagnostics.append(LibYAMLError.diagnostic(for: parser, input: input, file: file))
                return
            }
            let finished: Bool
            do {
                finished = try handle(&event)
            } catch {
                yaml_event_delete(&event)
                return
            }
            yaml_event_delete(&event)
            if finished { return }
        }
    }

    /// The finished document, or every diagnostic if there were errors.
    consuming func finish() throws(DiagnosticError) -> YAMLDocument {
        try diagnostics.throwIfErrors()
        var rootIndex = root
        if let index = root, isEmptyDocumentMarker(index) { rootIndex = nil }
        return YAMLDocument(
            file: file, warnings: diagnostics.sorted, nodes: nodes, children: children,
            scalarBytes: scalars, tags: tags, rootIndex: rootIndex
        )
    }

    /// libyaml represents an empty document (`---` alone) as an untagged, empty plain scalar.
    private func isEmptyDocumentMarker(_ index: UInt32) -> Bool {
        let record = nodes[Int(index)]
        return record.kind == .scalar && record.style == .plain && record.length == 0
            && record.flags & NodeRecord.hasTag == 0
    }

    /// Handles one event; returns true at the end of the stream.
    private mutating func handle(_ event: inout yaml_event_t) throws(Stop) -> Bool {
        switch event.type {
        case YAML_SCALAR_EVENT:
            if !skipping { try scalar(event) }
        case YAML_MAPPING_START_EVENT:
            if !skipping {
                let data = event.data.mapping_start
                try startCollection(.mapping, event, anchor: data.anchor, tag: data.tag,
                                    flow: data.style == YAML_FLOW_MAPPING_STYLE)
            }
        case YAML_MAPPING_END_EVENT:
            if !skipping { endMapping() }
        case YAML_SEQUENCE_START_EVENT:
            if !skipping {
                let data = event.data.sequence_start
                try startCollection(.sequence, event, anchor: data.anchor, tag: data.tag,
                                    flow: data.style == YAML_FLOW_SEQUENCE_STYLE)
            }
        case YAML_SEQUENCE_END_EVENT:
            if !skipping { endSequence() }
        case YAML_ALIAS_EVENT:
            if !skipping { try alias(event) }
        case YAML_DOCUMENT_START_EVENT:
            documentCount += 1
            if documentCount == 2 {
                skipping = true
                diagnostics.warning(
                    .multipleDocuments,
                    "the file contains more than one YAML document; only the first is used",
                    at: location(event.start_mark))
            }
        case YAML_DOCUMENT_END_EVENT:
            anchors.removeAll()
        case YAML_STREAM_END_EVENT:
            return true
        default:
            break
        }
        return false
    }

    // MARK: Nodes

    private mutating func scalar(_ event: yaml_event_t) throws(Stop) {
        let data = event.data.scalar
        let length = data.length
        if length > limits.maxScalarBytes {
            try fatal("scalar of \(length) bytes exceeds the limit of \(limits.maxScalarBytes) bytes", event.start_mark)
        }
        let offset = scalars.count
        guard offset + length <= Int(UInt32.max) else {
            try fatal("document too large: scalars exceed 4 GiB", event.start_mark)
        }
        if length > 0 {
            scalars.append(contentsOf: UnsafeBufferPointer(start: data.value, count: length))
        }
        let style: NodeRecord.RawStyle = switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
        let index = UInt32(nodes.count)
        nodes.append(NodeRecord(
            kind: .scalar, style: style, flags: 0,
            line: UInt32(truncatingIfNeeded: event.start_mark.line + 1),
            column: UInt32(truncatingIfNeeded: event.start_mark.column + 1),
            start: UInt32(offset), length: UInt32(length)))
        extents.append(NodeExtent(size: 1, height: 0, bytes: UInt32(truncatingIfNeeded: length)))
        register(index, anchor: data.anchor, tag: data.tag)
        attach(index)
    }

    private mutating func startCollection(
        _ kind: NodeRecord.RawKind, _ event: yaml_event_t,
        anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?, flow: Bool
    ) throws(Stop) {
        if stack.count >= limits.maxDepth {
            try fatal("nesting depth exceeds the limit of \(limits.maxDepth)", event.start_mark)
        }
        let index = UInt32(nodes.count)
        nodes.append(NodeRecord(
            kind: kind, style: flow ? .flow : .block, flags: 0,
            line: UInt32(truncatingIfNeeded: event.start_mark.line + 1),
            column: UInt32(truncatingIfNeeded: event.start_mark.column + 1),
            start: 0, length: 0))
        extents.append(NodeExtent(size: 0, height: 0, bytes: 0))
        register(index, anchor: anchor, tag: tag)
        stack.append(Frame(node: index, scratchBase: scratch.count))
    }

    private mutating func endSequence() {
        let frame = stack.removeLast()
        let start = children.count
        children.append(contentsOf: scratch[frame.scratchBase...])
        scratch.removeLast(scratch.count - frame.scratchBase)
        close(frame.node, childrenFrom: start)
    }

    private mutating func endMapping() {
        let frame = stack.removeLast()
        let start = children.count
        appendMappingChildren(from: frame.scratchBase)
        scratch.removeLast(scratch.count - frame.scratchBase)
        close(frame.node, childrenFrom: start)
    }

    /// Records the children range, expanded size and height of a finished collection, then attaches it.
    private mutating func close(_ index: UInt32, childrenFrom start: Int) {
        var size: UInt64 = 1
        var height: UInt32 = 0
        var bytes: UInt64 = 0
        extents.withUnsafeBufferPointer { extents in
            children.withUnsafeBufferPointer { children in
                for position in start..<children.count {
                    let extent = extents[Int(children[position])]
                    size += UInt64(extent.size)
                    height = max(height, extent.height)
                    bytes += UInt64(extent.bytes)
                }
            }
        }
        nodes[Int(index)].start = UInt32(start)
        nodes[Int(index)].length = UInt32(children.count - start)
        extents[Int(index)] = NodeExtent(
            size: UInt32(min(size, UInt64(UInt32.max))), height: height + 1, bytes: UInt32(min(bytes, UInt64(UInt32.max))))
        attach(index)
    }

    private mutating func alias(_ event: yaml_event_t) throws(Stop) {
        let name = String(cString: event.data.alias.anchor)
        guard let target = anchors[name] else {
            diagnostics.error("undefined alias '*\(name)'", at: location(event.start_mark))
            attachPlaceholder(event)
            return
        }
        let extent = extents[Int(target)]
        guard extent.size > 0 else {
            diagnostics.error("alias '*\(name)' refers to a node that contains it (recursive alias)",
                              at: location(event.start_mark))
            attachPlaceholder(event)
            return
        }
        aliasTotal += Int(extent.size)
        if aliasTotal > limits.maxAliasExpansion || extent.size == UInt32.max {
            try fatal("alias expansion exceeds the budget of \(limits.maxAliasExpansion) nodes (possible 'billion laughs' document)",
                  event.start_mark)
        }
        // Few nodes can still be much text: one long scalar aliased a thousand times is a gigabyte of
        // descriptions for every later stage, though the tree stores it once.
        aliasBytes += Int(extent.bytes)
        if aliasBytes > limits.maxAliasExpansionBytes || extent.bytes == UInt32.max {
            try fatal("alias expansion exceeds the budget of \(limits.maxAliasExpansionBytes) bytes of text (possible 'billion laughs' document)",
                  event.start_mark)
        }
        if stack.count + Int(extent.height) > limits.maxDepth {
            try fatal("nesting depth exceeds the limit of \(limits.maxDepth) (through alias '*\(name)')", event.start_mark)
        }
        attach(target)
    }

    /// Stands in for an alias that could not be resolved, so parsing can go on and report more.
    private mutating func attachPlaceholder(_ event: yaml_event_t) {
        let index = UInt32(nodes.count)
        nodes.append(NodeRecord(
            kind: .scalar, style: .plain, flags: 0,
            line: UInt32(truncatingIfNeeded: event.start_mark.line + 1),
            column: UInt32(truncatingIfNeeded: event.start_mark.column + 1),
            start: UInt32(scalars.count), length: 0))
        extents.append(NodeExtent(size: 1, height: 0, bytes: 0))
        attach(index)
    }

    /// Adds a finished node to the innermost open collection, or makes it the root.
    private mutating func attach(_ index: UInt32) {
        if stack.isEmpty {
            if root == nil { root = index }
        } else {
            scratch.append(index)
        }
    }

    /// Records the anchor and tag of a new node.
    private mutating func register(
        _ index: UInt32, anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?
    ) {
        if let anchor {
            anchors[String(cString: anchor)] = index
        }
        if let tag {
            tags[index] = String(cString: tag)
            nodes[Int(index)].flags |= NodeRecord.hasTag
        }
    }

    // MARK: Diagnostics

    func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
    }

    func location(of index: UInt32) -> SourceLocation {
        let record = nodes[Int(index)]
        return SourceLocation(file: file, line: Int(record.line), column: Int(record.column))
    }

    func text(of index: UInt32) -> String {
        let record = nodes[Int(index)]
        return String(decoding: scalars[Int(record.start)..<Int(record.start + record.length)], as: UTF8.self)
    }

    /// Records a fatal error and stops.
    private mutating func fatal(_ message: String, _ mark: yaml_mark_t) throws(Stop) -> Never {
        diagnostics.error(message, at: location(mark))
        throw Stop()
    }
}
