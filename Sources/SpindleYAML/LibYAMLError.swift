import SpindleCYaml

/// Turns the error state of a failed libyaml parser into a located diagnostic.
enum LibYAMLError {
    /// The diagnostic for `parser`, which has just failed on `input`.
    static func diagnostic(
        for parser: UnsafePointer<yaml_parser_t>, input: UnsafeBufferPointer<UInt8>, file: String
    ) -> Diagnostic {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown libyaml error"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return .error("out of memory while parsing YAML", at: nil)
        case YAML_READER_ERROR:
            // Reader errors carry a byte offset, not a mark.
            let offset = min(state.problem_offset, input.count)
            let position = TextPosition.of(byteOffset: offset, in: input)
            var message = "invalid input: \(problem)"
            if state.problem_value != -1 {
                let hex = String(state.problem_value, radix: 16, uppercase: true)
                message += " (0x\(hex.count % 2 == 1 ? "0" : "")\(hex))"
            }
            return .error(message, at: SourceLocation(file: file, line: position.line, column: position.column))
        default:
            // At the end of the stream libyaml moves its mark to a new line even when the
            // input has no final line break; clamp to where the input really ends.
            let end = TextPosition.of(byteOffset: input.count, in: input)
            func position(_ mark: yaml_mark_t) -> (line: Int, column: Int) {
                let marked = (line: Int(mark.line) + 1, column: Int(mark.column) + 1)
                return marked.line > end.line || (marked.line == end.line && marked.column > end.column) ? end : marked
            }
            let problemPosition = position(state.problem_mark)
            var message = problem
            if let context = state.context.map({ String(cString: $0) }) {
                let contextPosition = position(state.context_mark)
                if contextPosition == problemPosition {
                    message += " (\(context))"
                } else {
                    message += " (\(context) at line \(contextPosition.line), column \(contextPosition.column))"
                }
            }
            if !problem.contains("tab"), TextPosition.byte(
                atLine: problemPosition.line - 1, column: problemPosition.column - 1, in: input) == UInt8(ascii: "\t") {
                message += "; tabs cannot be used for indentation in YAML"
            }
            return .error(message, at: SourceLocation(file: file, line: problemPosition.line, column: problemPosition.column))
        }
    }
}

/// Line and column arithmetic over raw input, used only on error paths.
enum TextPosition {
    /// The 1-based line and column (in characters) of a byte offset.
    static func of(byteOffset: Int, in input: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var position = 0
        while position < byteOffset {
            let byte = input[position]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r")
                && (position + 1 >= input.count || input[position + 1] != UInt8(ascii: "\n"))) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            position += 1
        }
        return (line, column)
    }

    /// The first byte of the character at a 0-based line and column, if there is one.
    static func byte(atLine line: Int, column: Int, in input: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var currentLine = 0
        var position = 0
        while currentLine < line, position < input.count {
            let byte = input[position]
            position += 1
            if byte == UInt8(ascii: "\n") {
                currentLine += 1
            } else if byte == UInt8(ascii: "\r"), position >= input.count || input[position] != UInt8(ascii: "\n") {
                currentLine += 1
            }
        }
        var currentColumn = 0
        while position < input.count {
            let byte = input[position]
            if byte & 0xC0 != 0x80 {
                if currentColumn == column { return byte }
                currentColumn += 1
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return nil }
            position += 1
        }
        return nil
    }
}
