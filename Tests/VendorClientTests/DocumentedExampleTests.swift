import Autumn
import Foundation
import MyCryptoServer
import SnapRefund
import SpindleRuntime
import Stigg
import Testing

/// Every example response in the vendors' docs decodes through the generated types and encodes
/// back to the same JSON: same keys, explicit nulls kept.
@Suite struct DocumentedExampleTests {
    @Test func stiggCustomerList() throws {
        let result = try roundTrip(Stigg.CustomerListResponse.self, try FixtureFiles.data("stigg", "customers-list-200.json"))
        #expect(result.reencoded == result.original)
        let customer = try #require(result.value.data.first)
        #expect(customer.id == "customer-6e24b4")
        #expect(customer.archivedAt == nil)
        #expect(customer.timezone == .null)
        #expect(customer.billingCurrency == .value(.usd))
        #expect(customer.couponId == .value("coupon-6e24b4"))
        #expect(customer.defaultPaymentMethod.wrapped?.type == .card)
        #expect(customer.defaultPaymentMethod.wrapped?.cardExpiryMonth == 12)
        #expect(result.value.pagination.next == "c9b0a382-5b7d-4d32-9f62-8c4e1a7b3d9f")
    }

    @Test(arguments: ["error-400.json", "error-401.json", "error-403.json", "error-429.json"])
    func stiggErrorBodies(file: String) throws {
        let data = try FixtureFiles.data("stigg", file)
        let reencoded: String
        switch file {
        case "error-400.json": reencoded = try canonicalJSON(JSONCoding.makeEncoder().encode(JSONCoding.makeDecoder().decode(BadInputErrorResponse.self, from: data)))
        case "error-401.json": reencoded = try canonicalJSON(JSONCoding.makeEncoder().encode(JSONCoding.makeDecoder().decode(UnauthenticatedErrorResponse.self, from: data)))
        case "error-403.json": reencoded = try canonicalJSON(JSONCoding.makeEncoder().encode(JSONCoding.makeDecoder().decode(ForbiddenErrorResponse.self, from: data)))
        default: reencoded = try canonicalJSON(JSONCoding.makeEncoder().encode(JSONCoding.makeDecoder().decode(TooManyRequestsErrorResponse.self, from: data)))
        }
        #expect(reencoded == (try canonicalJSON(data)))
    }

    @Test func snapRefundCustomerList() throws {
        let result = try roundTrip(SnapRefund.CustomerList.self, try FixtureFiles.data("snaprefund", "customers-list-200.json"))
        #expect(result.reencoded == result.original)
        #expect(result.value.pagination.hasMore == true)
        #expect(result.value.data.first?.subscriptions?.first?.status == .active)
    }

    @Test func autumnCustomerList() throws {
        let result = try roundTrip(Autumn.CustomerList.self, try FixtureFiles.data("autumn", "customers-list-200.json"))
        #expect(result.reencoded == result.original)
        let customer = try #require(result.value.list.first)
        // Unix milliseconds surface as Date.
        #expect(customer.createdAt == Date(timeIntervalSince1970: 1_771_409_161.016))
        #expect(customer.balances["messages"]?.breakdown.first?.reset?.interval == "month")
        #expect(customer.subscriptions.first?.canceledAt == nil)
    }

    @Test func myCryptoServerCustomers() throws {
        let list = try roundTrip(MyCryptoServer.CustomerList.self, try FixtureFiles.data("mycryptoserver", "customers-list-200.json"))
        #expect(list.reencoded == list.original)
        let single = try roundTrip(MyCryptoServer.Customer.self, try FixtureFiles.data("mycryptoserver", "customer-200.json"))
        #expect(single.reencoded == single.original)
        #expect(single.value.metadata == nil)
        #expect(single.value.object == "customer")
    }
}

/// Values the API adds after the client was generated decode and round-trip.
@Suite struct UnknownValueTests {
    @Test func newCurrencyVendorAndErrorCode() throws {
        var json = String(decoding: try FixtureFiles.data("stigg", "customers-list-200.json"), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"usd\"", with: "\"xyz\"")
        let result = try roundTrip(Stigg.CustomerListResponse.self, Data(json.utf8))
        #expect(result.reencoded == result.original)
        let currency = try #require(result.value.data.first?.billingCurrency.wrapped)
        #expect(currency.rawValue == "xyz")
        #expect(!currency.isKnown)

        let error = try JSONCoding.makeDecoder().decode(
            BadInputErrorResponse.self, from: Data(#"{"message": "m", "code": "BrandNewError"}"#.utf8))
        #expect(error.code?.rawValue == "BrandNewError")
        let vendor = try JSONCoding.makeDecoder().decode(CustomerIntegration.VendorIdentifier.self, from: Data(#""PADDLE""#.utf8))
        #expect(vendor.rawValue == "PADDLE")
    }

    @Test func newSubscriptionStatus() throws {
        var json = String(decoding: try FixtureFiles.data("snaprefund", "customers-list-200.json"), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"active\"", with: "\"paused\"")
        let result = try roundTrip(SnapRefund.CustomerList.self, Data(json.utf8))
        #expect(result.reencoded == result.original)
        #expect(result.value.data.first?.subscriptions?.first?.status.rawValue == "paused")
    }

    @Test func syncDataPicksTheMostSpecificVariant() throws {
        let decoder = JSONCoding.makeDecoder()
        let price = try decoder.decode(
            CustomerIntegration.SyncData.self,
            from: Data(#"{"billingId": "b", "billingLinkUrl": "u", "priceGroupPackageBillingId": "p"}"#.utf8))
        guard case .priceBillingData(let value) = price else {
            Issue.record("decoded \(price)")
            return
        }
        #expect(value.priceGroupPackageBillingId == "p")
        let billing = try decoder.decode(CustomerIntegration.SyncData.self, from: Data(#"{"billingId": "b", "billingLinkUrl": "u"}"#.utf8))
        guard case .billingData = billing else {
            Issue.record("decoded \(billing)")
            return
        }
        let unmatched = try decoder.decode(CustomerIntegration.SyncData.self, from: Data(#"{"somethingElse": 1}"#.utf8))
        guard case .unknown(let raw) = unmatched else {
            Issue.record("decoded \(unmatched)")
            return
        }
        #expect(try canonicalJSON(JSONCoding.makeEncoder().encode(raw)) == #"{"somethingElse":1}"#)
    }

    @Test func decodingFailureNamesTheJSONPath() throws {
        var json = String(decoding: try FixtureFiles.data("stigg", "customers-list-200.json"), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"cardExpiryMonth\": 12", with: "\"cardExpiryMonth\": \"twelve\"")
        #expect(json.contains("twelve"))
        do {
            _ = try JSONCoding.makeDecoder().decode(Stigg.CustomerListResponse.self, from: Data(json.utf8))
            Issue.record("decoding should fail")
        } catch let error as DecodingError {
            #expect(DecodingFailure(error, rawBody: Data(json.utf8)).path == "data[0].defaultPaymentMethod.cardExpiryMonth")
        }
    }
}
