// Plain hand-written models for the Stigg customer list: the schema of specs/stigg/customers.yaml
// mirrored one to one with synthesized Codable (optionals for nullable or non-required properties,
// closed String enums, Date for date-time). The baseline generated models are measured against.

import Foundation

enum HandWritten {
    struct CustomerList: Codable, Hashable {
        var data: [Customer]
        var pagination: Pagination
    }

    struct Pagination: Codable, Hashable {
        var next: String?
        var prev: String?
    }

    struct Customer: Codable, Hashable {
        var createdAt: Date
        var updatedAt: Date
        var archivedAt: Date?
        var name: String?
        var email: String?
        var billingId: String?
        var id: String
        var billingCurrency: Currency?
        var metadata: [String: String]?
        var integrations: [Integration]?
        var defaultPaymentMethod: PaymentMethod?
        var couponId: String?
        var timezone: String?
        var language: String?
        var passthrough: Passthrough?
    }

    struct Integration: Codable, Hashable {
        var vendorIdentifier: VendorIdentifier
        var syncedEntityId: String?
        var id: String
    }

    enum VendorIdentifier: String, Codable, Hashable {
        case AUTH0, ZUORA, STRIPE, HUBSPOT, AWS_MARKETPLACE, SNOWFLAKE, SALESFORCE, BIG_QUERY, OPEN_FGA
        case APP_STORE, RECEIVED, PREQUEL
    }

    struct PaymentMethod: Codable, Hashable {
        var billingId: String?
        var type: PaymentMethodType
        var cardLast4Digits: String?
        var cardExpiryMonth: Double?
        var cardExpiryYear: Double?
    }

    enum PaymentMethodType: String, Codable, Hashable {
        case CARD, BANK, CASH_APP
    }

    struct Passthrough: Codable, Hashable {
        var stripe: StripePassthrough?
        var zuora: ZuoraPassthrough?
    }

    struct StripePassthrough: Codable, Hashable {
        var customerName: String?
        var billingAddress: Address?
        var shippingAddress: Address?
        var paymentMethodId: String?
        var taxIds: [TaxExemptInput]?
        var invoiceCustomFields: [String: String]?
        var metadata: [String: String]?
    }

    struct ZuoraPassthrough: Codable, Hashable {
        var billingAddress: Address?
        var currency: Currency?
        var paymentMethodId: String?
        var metadata: [String: String]?
    }

    struct Address: Codable, Hashable {
        var city: String?
        var country: String?
        var line1: String?
        var line2: String?
        var postalCode: String?
        var state: String?
    }

    struct TaxExemptInput: Codable, Hashable {
        var type: String
        var value: String
    }

    enum Currency: String, Codable, Hashable {
    case usd
    case aed
    case all
    case amd
    case ang
    case aud
    case awg
    case azn
    case bam
    case bbd
    case bdt
    case bgn
    case bif
    case bmd
    case bnd
    case bsd
    case bwp
    case byn
    case bzd
    case brl
    case cad
    case cdf
    case chf
    case cny
    case czk
    case dkk
    case dop
    case dzd
    case egp
    case etb
    case eur
    case fjd
    case gbp
    case gel
    case gip
    case gmd
    case gyd
    case hkd
    case hrk
    case htg
    case idr
    case ils
    case inr
    case isk
    case jmd
    case jpy
    case kes
    case kgs
    case khr
    case kmf
    case krw
    case kyd
    case kzt
    case lbp
    case lkr
    case lrd
    case lsl
    case mad
    case mdl
    case mga
    case mkd
    case mmk
    case mnt
    case mop
    case mro
    case mvr
    case mwk
    case mxn
    case myr
    case mzn
    case nad
    case ngn
    case nok
    case npr
    case nzd
    case pgk
    case php
    case pkr
    case pln
    case qar
    case ron
    case rsd
    case rub
    case rwf
    case sar
    case sbd
    case scr
    case sek
    case sgd
    case sle
    case sll
    case sos
    case szl
    case thb
    case tjs
    case top
    case `try`
    case ttd
    case tzs
    case uah
    case uzs
    case vnd
    case vuv
    case wst
    case xaf
    case xcd
    case yer
    case zar
    case zmw
    case clp
    case djf
    case gnf
    case ugx
    case pyg
    case xof
    case xpf
    }
}
