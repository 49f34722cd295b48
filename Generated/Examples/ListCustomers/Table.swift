import Foundation

/// A titled text table whose columns are as wide as their widest cell.
struct Table {
    var title: String
    var header: [String]
    var rows: [[String]]

    /// Writes the title, the header, a rule and the rows to standard output, then a blank line.
    func print() {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        Swift.print(title)
        Swift.print(line(header))
        Swift.print(line(widths.map { String(repeating: "-", count: $0) }))
        for row in rows { Swift.print(line(row)) }
        Swift.print()
    }

    /// A date as ISO 8601 in UTC, such as `2025-10-26T10:00:00Z`.
    static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
