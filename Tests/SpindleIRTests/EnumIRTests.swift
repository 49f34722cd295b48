import SpindleIR
import SpindleOpenAPI
import SpindleYAML
import Testing

/// Enumerations and other scalar typing: names of cases, raw types, null, timestamps.
@Suite struct EnumIRTests {
    @Test func stringEnumCaseNames() throws {
        let built = try build(schemas: """
            Marketplace:
              type: string
              enum: ['', default, try, Type, AWS_MARKETPLACE, self, 2fa, x-account-id]
            """)
        #expect(built.diagnostics == [])
        let marketplace = try built.enumeration("Marketplace")
        #expect(marketplace.rawType == .string)
        #expect(
            marketplace.cases == [
                IREnumCase(swiftName: "empty", rawValue: ""),
                IREnumCase(swiftName: "default", rawValue: "default"),
                IREnumCase(swiftName: "try", rawValue: "try"),
                IREnumCase(swiftName: "type", rawValue: "Type"),
                IREnumCase(swiftName: "awsMarketplace", rawValue: "AWS_MARKETPLACE"),
                IREnumCase(swiftName: "self", rawValue: "self"),
                IREnumCase(swiftName: "_2fa", rawValue: "2fa"),
                IREnumCase(swiftName: "xAccountId", rawValue: "x-account-id"),
            ])
        // Keywords are written in backquotes where they are declared and used.
        #expect(marketplace.cases.map { SwiftNaming.escaped($0.swiftName) }.prefix(3) == ["empty", "`default`", "`try`"])
        #expect(SwiftNaming.escaped("self") == "`self`")
    }

    @Test func integerEnum() throws {
        let built = try build(schemas: """
            Priority:
              type: integer
              enum: [1, 2, -3]
            """)
        #expect(built.diagnostics == [])
        let priority = try built.enumeration("Priority")
        #expect(priority.rawType == .integer)
        #expect(
            priority.cases == [
                IREnumCase(swiftName: "value1", rawValue: "1"),
                IREnumCase(swiftName: "value2", rawValue: "2"),
                IREnumCase(swiftName: "valueMinus3", rawValue: "-3"),
            ])
    }

    @Test func numbersInAStringEnumStayStrings() throws {
        let built = try build(schemas: """
            Version:
              type: string
              enum: [1, '2', v3]
            """)
        let version = try built.enumeration("Version")
        #expect(version.rawType == .string)
        #expect(version.cases.map(\.rawValue) == ["1", "2", "v3"])
        #expect(version.cases.map(\.swiftName) == ["_1", "_2", "v3"])
    }

    @Test func enumWithNullMakesThePropertyNullable() throws {
        let built = try build(schemas: """
            Status:
              type: [string, "null"]
              enum: [active, canceled, null]
            Subscription:
              type: object
              required: [status, inlineStatus]
              properties:
                status: {$ref: '#/components/schemas/Status'}
                inlineStatus:
                  type: string
                  nullable: true
                  enum: [trial, paid, null]
            """)
        #expect(built.diagnostics == [])
        // null is not a case; it is the property's nullability.
        #expect(try built.enumeration("Status").cases.map(\.rawValue) == ["active", "canceled"])
        let inline = try built.property("inlineStatus", of: "Subscription")
        #expect(inline.presence == .requiredNullable)
        #expect(try built.enumeration("Subscription.InlineStatus").cases.map(\.rawValue) == ["trial", "paid"])
        let status = try built.property("status", of: "Subscription")
        #expect(status.type == .named(["Status"]))
        #expect(status.presence == .requiredNullable)
    }

    @Test func duplicateEnumValuesAreWarnedAndDropped() throws {
        let built = try build(schemas: """
            Color:
              type: string
              enum: [red, green, red]
            """)
        #expect(built.diagnostics == ["api.yaml:7:7: warning: enum lists a value twice; the duplicate is ignored [-Wenum-duplicate]"])
        #expect(try built.enumeration("Color").cases.map(\.rawValue) == ["red", "green"])
    }

    @Test func valuesThatCollideAfterConversionGetDistinctNames() throws {
        let built = try build(schemas: """
            Mode:
              type: string
              enum: [dark_mode, darkMode, DARK_MODE]
            """)
        let mode = try built.enumeration("Mode")
        #expect(mode.cases.map(\.swiftName) == ["darkMode", "darkMode2", "darkMode3"])
        #expect(mode.cases.map(\.rawValue) == ["dark_mode", "darkMode", "DARK_MODE"])
    }

    @Test func unixMillisecondsTimestamp() throws {
        let built = try build(schemas: """
            Event:
              type: object
              properties:
                createdAt: {type: integer, format: int64, x-spindle-timestamp: unix-milliseconds}
                expiresAt: {type: number, x-spindle-timestamp: unix-seconds}
                sequence: {type: integer, format: int64}
                updatedAt: {type: string, format: date-time}
                day: {type: string, format: date}
                rawTime: {type: integer, x-spindle-timestamp: unix-minutes}
                shortTime: {type: integer, format: int32, x-spindle-timestamp: unix-seconds}
                plainTime: {type: integer, x-spindle-timestamp: unix-milliseconds}
            """)
        #expect(built.diagnostics == ["api.yaml:14:55: warning: x-spindle-timestamp must be 'unix-milliseconds' or 'unix-seconds'; ignored [-Wspindle-extension]"])
        #expect(try built.property("createdAt", of: "Event").type == .unixTime(.milliseconds, .int64))
        #expect(try built.property("expiresAt", of: "Event").type == .unixTime(.seconds, .number))
        #expect(try built.property("sequence", of: "Event").type == .integer(bits: 64))
        #expect(try built.property("updatedAt", of: "Event").type == .dateTime)
        #expect(try built.property("day", of: "Event").type == .date)
        #expect(try built.property("rawTime", of: "Event").type == .integer(bits: nil))
        #expect(try built.property("shortTime", of: "Event").type == .unixTime(.seconds, .int32))
        #expect(try built.property("plainTime", of: "Event").type == .unixTime(.milliseconds, .int64))
    }
}
