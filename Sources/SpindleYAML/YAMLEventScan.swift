import SpindleCYaml

/// A bare libyaml scan that only pulls events and counts them: the performance floor
/// that tree building is measured against.
public enum YAMLEventScan {
    /// The number of libyaml events in `bytes` (stream, document, node and end events).
    ///
    /// - Throws: ``DiagnosticError`` (file `<input>`) if libyaml reports an error.
    public static func countEvents(in bytes: [UInt8]) throws -> Int {
        let result: Result<Int, DiagnosticError> = bytes.withUnsafeBufferPointer { input in
            guard let base = input.baseAddress, !input.isEmpty else { return .success(2) }
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) != 0 else {
                return .failure(DiagnosticError(.error("out of memory while parsing YAML", at: nil)))
            }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_input_string(parser, base, input.count)
            var event = yaml_event_t()
            var count = 0
            while true {
                guard yaml_parser_parse(parser, &event) != 0 else {
                    return .failure(DiagnosticError(LibYAMLError.diagnostic(for: parser, input: input, file: "<input>")))
                }
                count += 1
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if done { return .success(count) }
            }
        }
        return try result.get()
    }
}
