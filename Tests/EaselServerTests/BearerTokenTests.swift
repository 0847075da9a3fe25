import Testing

@testable import EaselServer

/// `Authorization: Bearer TOKEN` in one exact form: the scheme in any case, one space, a
/// `b64token` (RFC 6750 §2.1).
@Suite struct BearerTokenTests {
    @Test func theTokenIsReadWhateverTheSchemeCase() {
        for header in ["Bearer esk_a-b_C", "bearer esk_a-b_C", "BEARER esk_a-b_C", "BeArEr esk_a-b_C"] {
            #expect(RequestAuthenticator.bearerToken(header) == "esk_a-b_C", "\(header)")
        }
        #expect(RequestAuthenticator.bearerToken("Bearer a.b~c+d/e==") == "a.b~c+d/e==")
    }

    @Test func otherSchemesAndEmptyTokensAreNotBearerTokens() {
        for header in ["", "Bearer", "Bearer ", "Bearer    ", "Basic dXNlcjpwdw==", "Bearerx esk_a", "Bear esk_a", "esk_a", "Bearer =="] {
            #expect(RequestAuthenticator.bearerToken(header) == nil, "\(header)")
        }
    }

    /// Two spaces, a tab, blanks after the key, a character outside `b64token`, padding
    /// inside the key: each is refused rather than read another way.
    @Test func anythingButTheExactFormIsRefused() {
        for header in [
            "Bearer  esk_a", "Bearer\tesk_a", "Bearer \tesk_a", "Bearer esk_a ", "Bearer esk_a\t", "Bearer esk a",
            "Bearer esk_a\u{1}", "Bearer esk_a\u{7f}", "Bearer esk_é", "Bearer es=k", "Bearer esk,a",
        ] {
            #expect(RequestAuthenticator.bearerToken(header) == nil, "\(header.debugDescription)")
        }
    }
}
