import Foundation

/// RFC 3339 UTC timestamps with milliseconds, as every field ending in `_at` carries them.
enum Timestamp {
    static func string(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}
