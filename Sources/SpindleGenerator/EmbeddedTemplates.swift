// Generated from Templates/ by `swift run spindle embed-templates`. Do not edit.
// swift-format-ignore-file

/// The templates shipped with Spindle, compiled in so every way of running the tool finds them.
enum EmbeddedTemplates {
    static let sources: [String: String] = [
        "alias": #"""
{{% CONTENT_TYPE: TEXT}}
{{> docs}}
{{access}} typealias {{name}} = {{{swiftType}}}
"""#,
        "client": #"""
{{% CONTENT_TYPE: TEXT}}
{{{header}}}

import Foundation
import SpindleRuntime

{{#docs}}
/// {{{.}}}
{{/docs}}
{{access}} struct {{clientName}}: Sendable {
    /// The runtime client every operation sends through: server, credentials, retries, transport.
    {{access}} let client: APIClient

    /// {{{serverDocs}}}
    ///
    /// Never a trap: were the URL refused by this platform's `URL(string:)`, it would be `file:///`, and
    /// requests would fail with an error.
    {{access}} static let defaultServerURL = URL(string: {{{serverURLLiteral}}}) ?? URL(fileURLWithPath: "/")

    /// Creates a client.
    ///
    /// - Parameters:
{{#credentials}}
{{#docs}}
    ///{{{.}}}
{{/docs}}
{{/credentials}}
    ///   - serverURL: The server to send requests to.
    ///   - configuration: Transport, middleware, retries, timeouts and logging.
    {{access}} init(
{{#credentials}}
        {{{label}}}: {{{type}}} = nil,
{{/credentials}}
        serverURL: URL = {{clientName}}.defaultServerURL,
        configuration: ClientConfiguration = .init()
    ) {
        self.client = APIClient(
            serverURL: serverURL,
            configuration: configuration,
            {{{securityArguments}}}
        )
    }
{{#resources}}

    /// {{{docs}}}
    {{access}} var {{{propertyName}}}: {{typeName}} { {{typeName}}(client: client) }
{{/resources}}
}
{{#hasRootOperations}}

extension {{clientName}} {
{{#rootOperations}}
{{{.}}}

{{/rootOperations}}
}
{{/hasRootOperations}}
"""#,
        "docs": #"""
{{% CONTENT_TYPE: TEXT}}
{{#docs}}
/// {{{.}}}
{{/docs}}
"""#,
        "enum": #"""
{{% CONTENT_TYPE: TEXT}}
{{> docs}}
///
/// An open enum: values the API adds later decode and re-encode unchanged, so `switch`
/// statements over it need a `default` case.
{{access}} struct {{name}}: OpenEnum{{#isString}}, ExpressibleByStringLiteral{{/isString}} {
    {{access}} let rawValue: {{rawType}}

    {{access}} init(rawValue: {{rawType}}) { self.rawValue = rawValue }

{{#cases}}
{{#fits}}
    {{access}} static var {{{escapedName}}}: Self { Self(rawValue: {{{literal}}}) }
{{/fits}}
{{^fits}}
    {{access}} static var {{{escapedName}}}: Self {
        Self(rawValue: {{{literal}}})
    }
{{/fits}}
{{/cases}}

{{#knownInline}}
    {{access}} static let allKnownValues: [Self] = [{{{knownInline}}}]
{{/knownInline}}
{{^knownInline}}
    {{access}} static let allKnownValues: [Self] = [
{{#cases}}
        .{{{name}}},
{{/cases}}
    ]
{{/knownInline}}
{{#nested}}

{{{.}}}
{{/nested}}
}
"""#,
        "errors": #"""
{{% CONTENT_TYPE: TEXT}}
{{{header}}}

import Foundation
import SpindleRuntime

/// What the {{clientName}} throws: API errors with their decoded body, transport failures,
/// timeouts, cancellation, and decoding errors that name the JSON path of the bad field.
{{access}} typealias {{errorName}} = ClientError<{{errorBodyName}}>

/// The error bodies the API documents, one case per schema.
{{access}} enum {{errorBodyName}}: Sendable, {{equality}} {
{{#cases}}
{{#docs}}
    /// {{{.}}}
{{/docs}}
    case {{{escapedName}}}({{{swiftType}}})
{{/cases}}
}

extension {{errorBodyName}} {
{{#decoders}}
    /// Decodes the body of an error response by its status{{#operations}}, for {{{operations}}}{{/operations}}.
    static func {{name}}(_ response: HTTPResponse) throws -> Self? {
        switch response.status {
{{#cases}}
        {{{pattern}}}: try decode(response, as: {{{caseName}}})
{{/cases}}
{{#needsDefault}}
        default: nil
{{/needsDefault}}
        }
    }

{{/decoders}}
    /// For operations that document no error body.
    static func undocumented(_ response: HTTPResponse) -> Self? { nil }

    /// Decodes an error response's body as `Body`; the client keeps a failure on the error it throws.
    private static func decode<Body: Decodable>(_ response: HTTPResponse, as wrap: (Body) -> Self) throws -> Self {
        wrap(try JSONCoding.decode(Body.self, from: response.body))
    }
}
"""#,
        "form": #"""
{{% CONTENT_TYPE: TEXT}}
{{> docs}}
{{access}} struct {{name}}: MultipartFormCodable {
{{#parts}}
{{#docs}}
    /// {{{.}}}
{{/docs}}
    {{access}} var {{{escapedName}}}: {{{swiftType}}}
{{/parts}}

    /// Creates a form with every part; optional ones default to absent.
    {{access}} init(
{{#parts}}
        {{{parameterName}}}: {{{swiftType}}}{{#defaultArgument}} = {{{defaultArgument}}}{{/defaultArgument}}{{^isLast}},{{/isLast}}
{{/parts}}
    ) {
{{#parts}}
        self.{{{escapedName}}} = {{{argumentName}}}
{{/parts}}
    }

    /// The parts, in the schema's order: one per value of an array.
    {{access}} var form: MultipartForm {
        var form = MultipartForm()
{{#parts}}
        {{{appendStatement}}}
{{/parts}}
        return form
    }

    /// Reads a received form: a missing required part, or one that does not decode, is a failure at its name.
    {{access}} init(form: MultipartForm) throws(DecodingFailure) {
{{#parts}}
        {{{readStatement}}}
{{/parts}}
    }
{{#nested}}

{{{.}}}
{{/nested}}
}
"""#,
        "header": #"""
{{% CONTENT_TYPE: TEXT}}
// Generated by Spindle from {{title}}{{#spec}} {{{spec}}}{{/spec}}. Do not edit.
// Content hash {{hash}}: regenerate with `swift run spindle generate`.
"""#,
        "object": #"""
{{% CONTENT_TYPE: TEXT}}
{{> docs}}
{{access}} struct {{name}}: Codable, {{equality}}, Sendable{{#hasProperties}}, DeclaredMembers{{/hasProperties}}{{#isParameter}}, ParameterEncodable{{/isParameter}} {
{{#properties}}
{{#docs}}
    /// {{{.}}}
{{/docs}}
{{#availability}}
    {{{availability}}}
    {{access}} var {{{escapedName}}}: {{{swiftType}}} {
        get { {{{storedName}}} }
        set { {{{storedName}}} = newValue }
    }
    /// The storage of the deprecated property above: generated code uses it, so that only the app's uses warn.
    {{#wrapper}}@{{{wrapper}}} {{/wrapper}}var {{{storedName}}}: {{{swiftType}}}
{{/availability}}
{{^availability}}
    {{#wrapper}}@{{{wrapper}}} {{/wrapper}}{{access}} var {{{escapedName}}}: {{{swiftType}}}
{{/availability}}
{{/properties}}
    /// Members the schema does not declare, kept so that a value sent back loses nothing.
    {{access}} var additionalProperties: JSONObject

    /// Creates a value with every property; optional ones default to absent.
    {{access}} init(
{{#properties}}
        {{{parameterName}}}: {{{swiftType}}}{{#defaultArgument}} = {{{defaultArgument}}}{{/defaultArgument}},
{{/properties}}
        additionalProperties: JSONObject = [:]
    ) {
{{#properties}}
        self.{{{storedName}}} = {{{argumentName}}}
{{/properties}}
        self.additionalProperties = additionalProperties
    }
{{#hasProperties}}

    /// The JSON names of the declared properties: every other member goes to `additionalProperties`. Unions
    /// of this type read them too.
{{#declaredNamesInline}}
    {{access}} static let declaredNames: Set<String> = [{{{declaredNamesInline}}}]
{{/declaredNamesInline}}
{{^declaredNamesInline}}
    {{access}} static let declaredNames: Set<String> = [
{{#properties}}
        {{{jsonLiteral}}},
{{/properties}}
    ]
{{/declaredNamesInline}}

    {{access}} init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ObjectKey<Self>.self)
{{#properties}}
        {{{decodeStatement}}}
{{/properties}}
        self.additionalProperties = try container.additionalProperties()
    }

    {{access}} func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ObjectKey<Self>.self)
        try container.encodeAdditionalProperties(self.additionalProperties)
{{#properties}}
        {{{encodeStatement}}}
{{/properties}}
    }
{{/hasProperties}}
{{^hasProperties}}

    {{access}} init(from decoder: any Decoder) throws {
        self.additionalProperties = try decoder.additionalProperties()
    }

    {{access}} func encode(to encoder: any Encoder) throws {
        try encoder.encodeAdditionalProperties(self.additionalProperties)
    }
{{/hasProperties}}
{{#nested}}

{{{.}}}
{{/nested}}
}
"""#,
        "operation": #"""
{{% CONTENT_TYPE: TEXT}}
{{#methods}}
{{#separated}}

{{/separated}}
{{#docs}}
/// {{{.}}}
{{/docs}}
{{#availability}}
{{{availability}}}
{{/availability}}
{{access}} func {{{methodName}}}(
{{#parameters}}
    {{{label}}}: {{{swiftType}}}{{#defaultArgument}} = {{{defaultArgument}}}{{/defaultArgument}},
{{/parameters}}
{{#isImplementation}}
    options: RequestOptions,
    _: Void
{{/isImplementation}}
{{^isImplementation}}
    options: RequestOptions = .init()
{{/isImplementation}}
) async throws({{errorName}}){{#returnType}} -> {{{returnType}}}{{/returnType}} {
{{#forward}}
    {{{forward}}}
{{/forward}}
{{^forward}}
    {{#mutatesRequest}}var{{/mutatesRequest}}{{^mutatesRequest}}let{{/mutatesRequest}} request = {{{requestBuilder}}}
{{#requestStatements}}
    {{{.}}}
{{/requestStatements}}
    {{#returnType}}return {{/returnType}}try await {{{sendCall}}}
{{/forward}}
}
{{/methods}}
{{#paginationMethods}}

/// Every page of `{{{methodName}}}`, fetched as the loop advances; stops after the last page.
{{#availability}}
{{{availability}}}
{{/availability}}
{{access}} func {{{pagesMethodName}}}(
{{#parameters}}
    {{{label}}}: {{{swiftType}}}{{#defaultArgument}} = {{{defaultArgument}}}{{/defaultArgument}},
{{/parameters}}
    options: RequestOptions = .init()
) -> PageSequence<{{{pageType}}}, {{errorBodyName}}> {
    PageSequence(
        operation: {{{operationName}}},
        client: self.client,
        fetch: { pageRequest in
{{#fetchStatements}}
            {{{.}}}
{{/fetchStatements}}
        },
        strategy: {{{strategy}}}
    )
}

/// Every item of `{{{methodName}}}` across all pages, fetched as the loop advances.
{{#availability}}
{{{availability}}}
{{/availability}}
{{access}} func {{{itemsMethodName}}}(
{{#parameters}}
    {{{label}}}: {{{swiftType}}}{{#defaultArgument}} = {{{defaultArgument}}}{{/defaultArgument}},
{{/parameters}}
    options: RequestOptions = .init()
) -> ItemSequence<{{{itemType}}}, {{errorBodyName}}> {
    {{{itemsCall}}}
}
{{/paginationMethods}}
"""#,
        "operations": #"""
{{% CONTENT_TYPE: TEXT}}
{{{header}}}

import Foundation
import SpindleRuntime

extension {{clientName}} {
    /// Every operation of the client as a value, typed by what it returns, along the same path as its call:
    /// `Operations.{{{example}}}` describes `{{{example}}}(…)`.
    /// Tests answer operations by these with a `StubTransport`.
    {{access}} enum Operations {
{{#operations}}

{{{.}}}
{{/operations}}
{{#resources}}

        /// {{{docs}}}
        {{access}} static let {{{propertyName}}} = {{typeName}}()
{{/resources}}
    }
}
{{#nodes}}

extension {{parentName}} {
    /// Operations under `{{{pathDescription}}}`.
    {{access}} struct {{typeName}}: Sendable {
{{#operations}}

{{{.}}}
{{/operations}}
{{#children}}

        /// {{{docs}}}
        {{access}} let {{{propertyName}}} = {{typeName}}()
{{/children}}
    }
}
{{/nodes}}

extension {{errorBodyName}}: Encodable {
    /// Encodes the body as the server sends it, so that a test can answer an operation with it (`StubTransport`).
    {{access}} func encode(to encoder: any Encoder) throws {{^cases}}{}{{/cases}}{{#hasCases}}{
        switch self {
{{#cases}}
        case .{{{escapedName}}}(let body): try body.encode(to: encoder)
{{/cases}}
        }
    }{{/hasCases}}
}
"""#,
        "resource-file": #"""
{{% CONTENT_TYPE: TEXT}}
{{{header}}}

import Foundation
import SpindleRuntime
{{#resources}}

extension {{parentName}} {
    /// Operations under `{{{pathDescription}}}`.
    {{access}} struct {{typeName}}: Sendable {
        let client: APIClient
{{#children}}

        /// {{{docs}}}
        {{access}} var {{{propertyName}}}: {{typeName}} { {{typeName}}(client: client) }
{{/children}}
    }
}
{{#hasOperations}}

extension {{qualifiedName}} {
{{#operations}}
{{{.}}}

{{/operations}}
}
{{/hasOperations}}
{{/resources}}
"""#,
        "type": #"""
{{% CONTENT_TYPE: TEXT}}
{{#object}}
{{> object}}
{{/object}}
{{#enumeration}}
{{> enum}}
{{/enumeration}}
{{#union}}
{{> union}}
{{/union}}
{{#alias}}
{{> alias}}
{{/alias}}
{{#wrapper}}
{{> wrapper}}
{{/wrapper}}
{{#deprecatedAlias}}


{{#aliasDocs}}
/// {{{.}}}
{{/aliasDocs}}
{{{availability}}}
{{access}} typealias {{aliasName}} = {{{declaredName}}}
{{/deprecatedAlias}}
{{#multipartForm}}
{{> form}}
{{/multipartForm}}
"""#,
        "type-file": #"""
{{% CONTENT_TYPE: TEXT}}
{{{header}}}

import Foundation
import SpindleRuntime

{{{type}}}
"""#,
        "union": #"""
{{% CONTENT_TYPE: TEXT}}
{{> docs}}
///
/// Decoding picks the most specific variant that matches the payload; a payload that matches none
/// is kept in `unknown` instead of failing the whole response.
{{access}} enum {{name}}: Codable, {{equality}}, Sendable{{#isParameter}}, ParameterEncodable{{/isParameter}} {
{{#variants}}
    {{#indirect}}indirect {{/indirect}}case {{{escapedName}}}({{{swiftType}}})
{{/variants}}
    /// A payload that matched no documented variant.
    case unknown(JSONValue)

    private static let variants: [UnionVariant] = [
{{#variants}}
        UnionVariant(
            required: [{{{requiredKeys}}}],
            known: {{{knownKeys}}}
        ),
{{/variants}}
    ]

    {{access}} init(from decoder: any Decoder) throws {
{{#discriminator}}
        switch UnionDecoding.discriminator(in: decoder, key: {{{discriminator}}}) {
{{#variants}}
{{#hasDiscriminatorValues}}
        case {{{discriminatorValues}}}:
            if let value = try? decoder.singleValueContainer().decode({{{swiftType}}}.self) {
                self = .{{{escapedName}}}(value)
                return
            }
{{/hasDiscriminatorValues}}
{{/variants}}
        default: break
        }
{{/discriminator}}
        let keys = UnionDecoding.objectKeys(in: decoder) ?? []
        for index in UnionDecoding.rankedVariants(presentKeys: keys, variants: Self.variants) {
            switch index {
{{#variants}}
            case {{index}}:
                if let value = try? decoder.singleValueContainer().decode({{{swiftType}}}.self) {
                    self = .{{{escapedName}}}(value)
                    return
                }
{{/variants}}
            default: break
            }
        }
        self = .unknown(try JSONValue(from: decoder))
    }

    {{access}} func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
{{#variants}}
        case .{{{escapedName}}}(let value): try container.encode(value)
{{/variants}}
        case .unknown(let value): try container.encode(value)
        }
    }
{{#nested}}

{{{.}}}
{{/nested}}
}
"""#,
        "wrapper": #"""
{{% CONTENT_TYPE: TEXT}}
{{> docs}}
{{access}} struct {{name}}: Codable, {{equality}}, Sendable{{#isParameter}}, ParameterEncodable{{/isParameter}} {
    /// The value the JSON holds.
    {{#indirect}}@Indirect {{/indirect}}{{access}} var value: {{{swiftType}}}

    /// Wraps `value`.
    {{access}} init(_ value: {{{swiftType}}}) {
        self.value = value
    }

    {{access}} init(from decoder: any Decoder) throws {
        self.value = try decoder.singleValueContainer().decode({{{swiftType}}}.self)
    }

    {{access}} func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.value)
    }
}
"""#,
    ]
}
