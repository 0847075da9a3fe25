import EaselCore
import Foundation
import Testing

@testable import EaselServer

/// The hand-written RFC 3339 timestamps: the date and time Foundation's ISO 8601 formatter
/// writes, and the stored milliseconds exactly.
@Suite struct TimestampTests {
    static func foundation(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    @Test func storedTimesAreWrittenToTheMillisecond() {
        var generator = SystemRandomNumberGenerator()
        // 2000-02-29 (a leap day of a century), the first and last millisecond of a day and
        // of 2099, then every day from 1999 to 2101 at a random millisecond.
        var stored: [Int64] = [0, 999, 951_782_400_000, 951_868_799_999, 4_102_444_799_999, 1_796_083_445_123]
        for day in Int64(10_592)...48_213 {
            stored.append(day * 86_400_000 + Int64.random(in: 0..<86_400_000, using: &generator))
        }
        let wrong = stored.filter { millis in
            let (seconds, fraction) = millis.quotientAndRemainder(dividingBy: 1000)
            let whole = Self.foundation(Date(timeIntervalSince1970: Double(seconds)))
            let expected = whole.dropLast(4) + String(format: "%03d", fraction) + "Z"
            return Timestamp.string(Millis.date(millis)) != expected
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(3).map { "\($0): \(Timestamp.string(Millis.date($0)))" })")
    }
}
