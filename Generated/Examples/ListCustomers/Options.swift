import Foundation

/// Where each vendor's server is: `--<vendor> URL`, or consecutive ports from `--port` on 127.0.0.1.
struct Options {
    /// The vendors in the order `spindle-mock` assigns ports: sorted by folder name.
    static let vendors = ["autumn", "mycryptoserver", "snaprefund", "stigg"]

    static let usage = """
        USAGE: list-customers [--port <first-port>] [--autumn <url>] [--mycryptoserver <url>] [--snaprefund <url>] [--stigg <url>]

        Lists each vendor's customers through its generated client. By default the servers are the
        ones `swift run spindle-mock` starts: http://127.0.0.1:<port> for autumn, mycryptoserver,
        snaprefund and stigg on consecutive ports from --port (default 8080).
        """

    var firstPort = 8080
    var overrides: [String: URL] = [:]
    var help = false

    /// The base URL of `vendor`'s server.
    func url(for vendor: String) -> URL {
        overrides[vendor] ?? URL(string: "http://127.0.0.1:\(firstPort + (Self.vendors.firstIndex(of: vendor) ?? 0))")!
    }

    /// Reads the command-line arguments (without the program name).
    static func parse(_ arguments: [String]) throws(OptionsError) -> Options {
        var options = Options()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "-h" || argument == "--help" {
                options.help = true
                continue
            }
            guard argument.hasPrefix("--") else { throw OptionsError("unexpected argument '\(argument)'") }
            let name = String(argument.dropFirst(2))
            guard let value = remaining.popFirst() else { throw OptionsError("missing value for '\(argument)'") }
            if name == "port" {
                guard let port = Int(value), (1...65535).contains(port) else {
                    throw OptionsError("'\(value)' is not a port")
                }
                options.firstPort = port
            } else if vendors.contains(name) {
                guard let url = URL(string: value), url.scheme != nil else {
                    throw OptionsError("'\(value)' is not a URL")
                }
                options.overrides[name] = url
            } else {
                throw OptionsError("unknown option '\(argument)'")
            }
        }
        return options
    }
}

/// A command line that cannot be read.
struct OptionsError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
