import EaselCore
import Testing

@Suite struct PriceTests {
    @Test(arguments: [
        ("0.026", 1, "0.026"), ("0.026", 2, "0.052"), ("0.026", 3, "0.078"), ("0.026", 4, "0.104"),
        ("1", 3, "3"), ("0.5", 4, "2.0"), ("12.34", 1, "12.34"), ("0.000000001", 4, "0.000000004"),
    ])
    func amounts(price: String, count: Int, expected: String) throws {
        let parsed = try #require(Price(price))
        #expect(parsed.times(count).description == expected)
    }

    @Test(arguments: ["", ".", "1.", ".5", "-1", "1e3", "0.0000000001", "1,5", "abc", "1.2.3", "٣"])
    func rejectsAnythingButPlainDecimals(_ text: String) {
        #expect(Price(text) == nil)
    }

    @Test func seedPriceIsTheHostedOne() {
        #expect(ModelRegistry.seedPrice.description == "0.026")
    }
}
