extension Duration {
    /// The longest wait the client ever computes: about 31,700 years, far beyond any retry cap, and well inside
    /// what `Duration` holds.
    static let longestWait = Duration.seconds(1_000_000_000_000)

    /// `seconds` as a duration, clamped to `0...longestWait` (`NaN` is zero). `Duration.seconds(_:)` traps on
    /// values it cannot hold, and these come from servers (`Retry-After: 1e300`) or arithmetic on them.
    static func clampedSeconds(_ seconds: Double) -> Duration {
        guard seconds > 0 else { return .zero }
        return seconds < 1_000_000_000_000 ? .seconds(seconds) : longestWait
    }
}
