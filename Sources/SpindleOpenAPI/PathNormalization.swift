/// Joins a relative reference to the directory of the file that holds it, folding `.` and `..`,
/// so that every file has one display path however it is reached.
func resolveRelativePath(_ relative: String, from file: String) -> String {
    if relative.hasPrefix("/") { return normalizePath(relative) }
    let directory = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    return normalizePath(directory.isEmpty ? relative : directory + "/" + relative)
}

/// Removes `.` components and folds `name/..` pairs; leading `..` components are kept.
func normalizePath(_ path: String) -> String {
    let isAbsolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
        if part == "." { continue }
        if part == "..", let last = parts.last, last != ".." {
            parts.removeLast()
        } else {
            parts.append(part)
        }
    }
    let joined = parts.joined(separator: "/")
    return isAbsolute ? "/" + joined : joined
}
