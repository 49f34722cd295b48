import Foundation

extension DecodingFailure {
    /// Converts a `DecodingError` (or any error) into a failure with a readable path such as
    /// `data[0].billingCurrency`.
    public init(_ error: any Error, status: Int? = nil, rawBody: Data, request: RequestSummary? = nil) {
        let (message, codingPath) = Self.describe(error)
        self.init(
            message: message,
            path: CodingPathFormatter.format(codingPath),
            status: status,
            rawBody: rawBody,
            request: request
        )
    }

    private static func describe(_ error: any Error) -> (String, [any CodingKey]) {
        guard let decodingError = error as? DecodingError else { return ("\(error)", []) }
        switch decodingError {
        case .keyNotFound(let key, let context):
            return ("Required property \"\(key.stringValue)\" is missing.", context.codingPath + [key])
        case .valueNotFound(let type, let context):
            return ("Expected \(type) but found null.", context.codingPath)
        case .typeMismatch(let type, let context):
            return ("Expected \(type): \(context.debugDescription)", context.codingPath)
        case .dataCorrupted(let context):
            return (underlyingMessage(context), context.codingPath)
        @unknown default:
            return ("\(decodingError)", [])
        }
    }

    private static func underlyingMessage(_ context: DecodingError.Context) -> String {
        guard let underlying = context.underlyingError else { return context.debugDescription }
        return "\(context.debugDescription) (\(underlying.localizedDescription))"
    }
}

/// Turns coding paths into `data[0].billingCurrency`.
enum CodingPathFormatter {
    static func format(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = arrayIndex(key) {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// Array positions have an `intValue`; Foundation names them `Index n`, other coders use the digits.
    private static func arrayIndex(_ key: any CodingKey) -> Int? {
        guard let index = key.intValue else { return nil }
        return key.stringValue == "Index \(index)" || key.stringValue == String(index) ? index : nil
    }
}
