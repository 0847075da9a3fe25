import Foundation

/// RFC 3339 UTC timestamps with milliseconds (`2026-11-30T18:04:05.123Z`), as every field
/// ending in `_at` carries them. Written by hand: every job answer carries up to five, and
/// Foundation's formatter cost more than the rest of building the answer. The time is rounded
/// to the nearest millisecond: times are stored in whole milliseconds, which a `Date` holds
/// only nearly (Foundation's formatter, truncating, wrote 1796083445123 ms as `.122`).
enum Timestamp {
    static func string(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (days, millisOfDay) = millis.quotientAndRemainder(dividingBy: 86_400_000)
        // Before 1970 the remainder is negative: borrow a day.
        let (day, ms) = millisOfDay < 0 ? (days - 1, millisOfDay + 86_400_000) : (days, millisOfDay)
        let (year, month, dayOfMonth) = civil(daysSince1970: day)
        var text = [UInt8]()
        text.reserveCapacity(24)
        append(&text, year, digits: 4)
        text.append(UInt8(ascii: "-"))
        append(&text, month, digits: 2)
        text.append(UInt8(ascii: "-"))
        append(&text, dayOfMonth, digits: 2)
        text.append(UInt8(ascii: "T"))
        append(&text, ms / 3_600_000, digits: 2)
        text.append(UInt8(ascii: ":"))
        append(&text, ms / 60_000 % 60, digits: 2)
        text.append(UInt8(ascii: ":"))
        append(&text, ms / 1000 % 60, digits: 2)
        text.append(UInt8(ascii: "."))
        append(&text, ms % 1000, digits: 3)
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    /// The proleptic Gregorian date of a day count (Howard Hinnant's `civil_from_days`:
    /// eras of 400 years, years starting in March so that the leap day comes last).
    static func civil(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func append(_ text: inout [UInt8], _ value: Int64, digits: Int) {
        var divisor: Int64 = 1
        for _ in 1..<digits { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            text.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}
