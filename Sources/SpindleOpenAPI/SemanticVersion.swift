/// Compares version strings such as `7.59.1` and `7.64.2` number by number; non-numeric parts compare as text.
func versionIsLower(_ lhs: String, than rhs: String) -> Bool {
    let left = lhs.split(whereSeparator: { $0 == "." || $0 == "-" })
    let right = rhs.split(whereSeparator: { $0 == "." || $0 == "-" })
    for (a, b) in zip(left, right) where a != b {
        if let x = Int(a), let y = Int(b) { return x < y }
        return a < b
    }
    return left.count < right.count
}
