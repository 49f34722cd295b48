import SpindleRuntime
import Testing

/// The property wrappers that store large or recursive values out of line keep value semantics.
@Suite struct IndirectTests {
    struct Holder: Hashable, Sendable {
        @Indirect var required: [Int]
        @IndirectOptional var optional: [Int]?
        @IndirectOptionalValue var nullable: OptionalValue<[Int]>
    }

    @Test func aCopyDoesNotSeeTheOriginalsWrites() {
        var original = Holder(required: [1], optional: [2], nullable: .value([3]))
        let copy = original
        original.required.append(10)
        original.optional?.append(20)
        original.nullable = .null
        #expect(copy.required == [1] && copy.optional == [2] && copy.nullable == .value([3]))
        #expect(original.required == [1, 10] && original.optional == [2, 20] && original.nullable == .null)
    }

    @Test func everyStateOfTheOptionalWrappersRoundTrips() {
        var holder = Holder(required: [], optional: nil, nullable: .absent)
        #expect(holder.optional == nil && holder.nullable == .absent)
        holder.optional = [1]
        holder.nullable = .null
        #expect(holder.optional == [1] && holder.nullable == .null)
        holder.optional = nil
        holder.nullable = .value([])
        #expect(holder.optional == nil && holder.nullable == .value([]))
    }

    @Test func equalityAndHashingSeeTheValuesNotTheBoxes() {
        let first = Holder(required: [1], optional: nil, nullable: .value([2]))
        let second = Holder(required: [1], optional: nil, nullable: .value([2]))
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(first != Holder(required: [1], optional: [], nullable: .value([2])))
        #expect(first != Holder(required: [1], optional: nil, nullable: .null))
        #expect(Set([first, second]).count == 1)
    }
}
