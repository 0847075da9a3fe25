import EaselCore
import Testing

@Suite struct RandomTokenTests {
    @Test func tokensAreURLSafeAndDistinct() {
        let tokens = (0..<200).map { _ in RandomToken.make(bytes: 24) }
        #expect(Set(tokens).count == tokens.count)
        for token in tokens {
            #expect(token.count == 32) // 24 bytes = 192 bits = 32 base64 characters
            #expect(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        }
        #expect(RandomToken.hex(bytes: 4).count == 8)
    }
}
