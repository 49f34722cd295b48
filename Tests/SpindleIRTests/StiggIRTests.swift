import SpindleIR
import SpindleOpenAPI
import SpindleYAML
import Testing

/// The IR of the merged Stigg fragments, as the issue describes it.
@Suite struct StiggIRTests {
    let module: IRModule
    let diagnostics: [Diagnostic]

    init() throws {
        let loader = SpecLoader()
        let api = try #require(loader.loadFolder(RepositoryPaths.specs("stigg")))
        // The checked-in config: dropSuffixes [Dto] and the pagination Stigg's fragments lack.
        let configDocument = try #require(loader.document(RepositoryPaths.specs("stigg") + "/spindle.yaml"))
        let config = try #require(VendorConfig.read(configDocument, defaultModule: "Stigg", report: loader.report))
        module = IRBuilder(api: api, loader: loader, config: config).build()
        diagnostics = loader.diagnostics.diagnostics
    }

    func type(_ path: String) -> IRType? {
        var candidates = module.types
        var found: IRType?
        for name in path.split(separator: ".") {
            found = candidates.first { $0.name == name }
            candidates = found?.nested ?? []
        }
        return found
    }

    func object(_ path: String) -> IRObject? {
        if case .object(let object)? = type(path)?.kind { return object }
        return nil
    }

    @Test func loadsWithoutErrors() {
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
    }

    @Test func currencyEnumHas116ValuesAndIsOneType() throws {
        guard case .enumeration(let currency)? = type("Currency")?.kind else {
            Issue.record("no Currency enum")
            return
        }
        #expect(currency.cases.count == 116)
        #expect(currency.cases.first == IREnumCase(swiftName: "usd", rawValue: "usd"))
        #expect(currency.cases.contains(IREnumCase(swiftName: "try", rawValue: "try")))
        // Zuora's untitled currency list is the same enum.
        let zuora = try #require(object("ZuoraCustomerPassthrough"))
        #expect(zuora.properties.first { $0.jsonName == "currency" }?.type == .named(["Currency"]))
        let names = module.types.map(\.name)
        #expect(names.filter { $0.contains("Currency") } == ["Currency"])
    }

    @Test func errorCodeEnumHas133Values() {
        guard case .enumeration(let codes)? = type("BadInputErrorResponse.Code")?.kind else {
            Issue.record("no BadInputErrorResponse.Code enum: \(module.types.map(\.name))")
            return
        }
        #expect(codes.cases.count == 133)
        #expect(codes.cases.first == IREnumCase(swiftName: "badUserInput", rawValue: "BadUserInput"))
    }

    @Test func couponIdIsANullableString() throws {
        let customer = try #require(object("Customer"))
        let coupon = try #require(customer.properties.first { $0.jsonName == "couponId" })
        #expect(coupon.type == .string)
        #expect(coupon.presence == .optionalNullable)
    }

    @Test func archivedAtIsRequiredAndNullable() throws {
        let customer = try #require(object("Customer"))
        let archivedAt = try #require(customer.properties.first { $0.jsonName == "archivedAt" })
        #expect(archivedAt.type == .dateTime)
        #expect(archivedAt.presence == .requiredNullable)
        #expect(customer.properties.first { $0.jsonName == "id" }?.presence == .required)
        #expect(customer.properties.first { $0.jsonName == "email" }?.presence == .optionalNullable)
    }

    @Test func syncDataIsAThreeVariantUnion() throws {
        let integration = try #require(object("CustomerIntegration"))
        let syncData = try #require(integration.properties.first { $0.jsonName == "syncData" })
        guard case .named(let path) = syncData.type, case .union(let union)? = type(path.joined(separator: "."))?.kind else {
            Issue.record("syncData is \(syncData.type)")
            return
        }
        #expect(syncData.presence == .optionalNullable)
        #expect(union.variants.map(\.swiftName) == ["priceBillingData", "billingData", "marketplaceData"])
        #expect(union.variants[0].requiredKeys == ["billingId", "billingLinkUrl", "priceGroupPackageBillingId"])
        #expect(union.variants[1].requiredKeys == ["billingId", "billingLinkUrl"])
        #expect(union.variants[2].knownKeys == ["dimensions"])
    }

    @Test func sharedTitlesGetOneTypeOrDistinctReadableNames() {
        let names = Set(module.types.map(\.name))
        #expect(names.contains("Address"))
        #expect(!names.contains("Address2"))
        // Two different envelopes titled "ListResponse" keep their component names.
        #expect(names.contains("CustomerListResponse"))
        #expect(names.contains("CustomerIntegrationListResponse"))
        #expect(!names.contains(where: { $0.hasPrefix("ListResponse") }))
        #expect(!names.contains(where: { $0.last?.isNumber ?? false }), "\(names.sorted())")
    }

    @Test func operationsAreGroupedIntoResources() throws {
        let placements = module.operations.map { ($0.resource + [$0.methodName]).joined(separator: ".") }
        #expect(placements == ["customers.list", "customers.integrations.list"])
        let integrations = try #require(module.operations.first { $0.methodName == "list" && $0.resource.count == 2 })
        let vendor = try #require(integrations.parameters.first { $0.name == "vendorIdentifier" })
        #expect(vendor.style == .form)
        #expect(vendor.explode == false)
        #expect(integrations.pagination?.style == .cursor)
        #expect(integrations.pagination?.nextCursor?.swiftExpression == ".pagination.next")
    }

    @Test func apiVersionIsTheHighestFragmentVersion() {
        #expect(module.version == "7.64.2")
    }
}
