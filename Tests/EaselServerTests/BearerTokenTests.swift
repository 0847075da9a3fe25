import Testing

@testable import EaselServer

/// `Authorization: Bearer TOKEN` as RFC 6750 writes it: the scheme in any case, one or more
/// blanks before the token.
@Suite struct BearerTokenTests {
    @Test func theTokenIsReadWhateverTheSchemeCaseAndBlanks() {
        for header in ["Bearer esk_a-b_C", "bearer esk_a-b_C", "BEARER   esk_a-b_C", "Bearer esk_a-b_C \t", "BeArEr \tesk_a-b_C"] {
            #expect(RequestAuthenticator.bearerToken(header) == "esk_a-b_C", "\(header)")
        }
    }

    @Test func otherSchemesAndEmptyTokensAreNotBearerTokens() {
        for header in ["", "Bearer", "Bearer ", "Bearer    ", "Basic dXNlcjpwdw==", "Bearerx esk_a", "Bear esk_a", "esk_a"] {
            #expect(RequestAuthenticator.bearerToken(header) == nil, "\(header)")
        }
    }
}
