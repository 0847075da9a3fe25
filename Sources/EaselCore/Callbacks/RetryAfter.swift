import Foundation

/// A `Retry-After` header (RFC 9110 §10.2.3): a number of seconds, or an HTTP date.
public enum RetryAfter {
    /// The wait it asks for from `now`, or nil when the value is neither form. A date in the
    /// past asks for no wait.
    public static func delay(_ value: String, now: Date) -> TimeInterval? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(text), seconds >= 0 { return TimeInterval(seconds) }
        guard let date = httpDate.date(from: text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// IMF-fixdate, the form senders must use: `Sun, 06 Nov 1994 08:49:37 GMT`.
    private static var httpDate: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }
}
