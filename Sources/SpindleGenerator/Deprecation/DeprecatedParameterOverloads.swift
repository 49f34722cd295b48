/// The methods an operation is generated as when some of its optional parameters are deprecated.
///
/// `@available` cannot mark a parameter, and marking the method would make every call warn, also the
/// ones that do not pass the deprecated argument. So the main method leaves the deprecated optional
/// parameters out, and one deprecated overload per such parameter takes it, without a default: a call
/// that passes it resolves to an overload and warns, any other call to the main method and does not.
/// Overload `k` takes deprecated parameter `k` as required, leaves out the deprecated ones before it
/// and keeps the ones after it optional, so every combination of arguments resolves to exactly one
/// method. Deprecated parameters that are required stay in the main method (every call passes them);
/// their documentation says they are deprecated.
///
/// Used by the emitter and by the API surface, which must agree on the methods that exist.
struct DeprecatedParameterOverloads {
    struct Method: Equatable {
        /// The slots (indices into the operation's parameters) the method declares, in order.
        var parameters: [Int]
        /// The deprecated parameter the method requires: `nil` for the main method.
        var requiredDeprecated: Int?
    }

    let methods: [Method]

    /// `optional[i]` and `deprecated[i]` describe parameter `i`.
    init(optional: [Bool], deprecated: [Bool]) {
        let all = Array(optional.indices)
        let overloaded = all.filter { optional[$0] && deprecated[$0] }
        var methods = [Method(parameters: all.filter { !overloaded.contains($0) }, requiredDeprecated: nil)]
        for (position, index) in overloaded.enumerated() {
            let leftOut = Set(overloaded.prefix(position))
            methods.append(Method(parameters: all.filter { !leftOut.contains($0) }, requiredDeprecated: index))
        }
        self.methods = methods
    }

    /// Whether the operation is one method with every parameter (nothing optional is deprecated).
    var isSingleMethod: Bool { methods.count == 1 }
}
