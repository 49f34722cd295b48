import Foundation
import SpindleRuntime
import Testing

/// ``ObjectKey`` tells a generated object's declared members from the ones kept in `additionalProperties`.
@Suite struct ObjectKeyTests {
    /// Coded the way generated objects are.
    struct Pet: Codable, Equatable, DeclaredMembers {
        var name: String
        var tag: String?
        var additionalProperties: JSONObject = [:]

        static let declaredNames: Set<String> = ["name", "tag"]

        init(name: String, tag: String? = nil, additionalProperties: JSONObject = [:]) {
            self.name = name
            self.tag = tag
            self.additionalProperties = additionalProperties
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: ObjectKey<Self>.self)
            self.name = try container.decode(String.self, forKey: "name")
            self.tag = try container.decodeIfPresent(String.self, forKey: "tag")
            self.additionalProperties = try container.additionalProperties()
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: ObjectKey<Self>.self)
            try container.encodeAdditionalProperties(self.additionalProperties)
            try container.encode(self.name, forKey: "name")
            try container.encodeIfPresent(self.tag, forKey: "tag")
        }
    }

    @Test func aDecoderCanListOnlyTheUndeclaredKeys() {
        #expect(ObjectKey<Pet>(stringValue: "name") == nil)
        #expect(ObjectKey<Pet>(stringValue: "tag") == nil)
        #expect(ObjectKey<Pet>(stringValue: "nickname")?.stringValue == "nickname")
        #expect(ObjectKey<Pet>(stringValue: "Name")?.stringValue == "Name")
        #expect(ObjectKey<Pet>(intValue: 0) == nil)
        let declared: ObjectKey<Pet> = "name"
        #expect(declared.stringValue == "name" && declared.intValue == nil)
    }

    @Test func undeclaredMembersAreKeptSortedAndDeclaredOnesDecodeAsProperties() throws {
        let json = #"{"zeta": 1, "name": "Rex", "alpha": [true, null], "tag": "good", "": {}}"#
        let pet = try JSONCoding.makeDecoder().decode(Pet.self, from: Data(json.utf8))
        #expect(pet.name == "Rex" && pet.tag == "good")
        #expect(pet.additionalProperties == ["": .object([:]), "alpha": [true, nil], "zeta": 1])
        #expect(pet.additionalProperties.keys == ["", "alpha", "zeta"])
    }

    @Test func anObjectWithOnlyDeclaredMembersHasNoAdditionalProperties() throws {
        let pet = try JSONCoding.makeDecoder().decode(Pet.self, from: Data(#"{"name": "Rex"}"#.utf8))
        #expect(pet == Pet(name: "Rex"))
    }

    @Test func aFetchedObjectRoundTripsWithItsUndeclaredMembers() throws {
        let json = #"{"name": "Rex", "vaccinated": false, "owner": {"id": 7}}"#
        let pet = try JSONCoding.makeDecoder().decode(Pet.self, from: Data(json.utf8))
        let sent = try JSONValue(parsing: try JSONCoding.makeEncoder().encode(pet))
        #expect(sent == ["name": "Rex", "vaccinated": false, "owner": ["id": 7]])
    }

    @Test func theDeclaredPropertyWinsOverAnAdditionalMemberOfTheSameName() throws {
        let pet = Pet(name: "Rex", additionalProperties: ["name": "Shadow", "tag": "stale", "age": 3])
        let sent = try JSONValue(parsing: try JSONCoding.makeEncoder().encode(pet))
        #expect(sent == ["name": "Rex", "age": 3])
    }

    @Test func aWrongTypeIsReportedAtItsKey() throws {
        let error = #expect(throws: DecodingError.self) {
            try JSONCoding.makeDecoder().decode(Pet.self, from: Data(#"{"name": 5}"#.utf8))
        }
        guard case .typeMismatch(_, let context) = error else {
            Issue.record("expected a type mismatch, got \(String(describing: error))")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["name"])
    }

    @Test func aMissingRequiredMemberIsReportedByName() throws {
        let error = #expect(throws: DecodingError.self) {
            try JSONCoding.makeDecoder().decode(Pet.self, from: Data(#"{"tag": "x"}"#.utf8))
        }
        guard case .keyNotFound(let key, _) = error else {
            Issue.record("expected a missing key, got \(String(describing: error))")
            return
        }
        #expect(key.stringValue == "name")
    }
}
