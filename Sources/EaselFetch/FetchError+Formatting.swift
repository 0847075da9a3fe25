extension FetchError {
    /// Shortens URLs for messages: data: URLs can be megabytes long, and any URL can carry control
    /// characters that would forge lines in a log.
    static func displayForm(_ url: String) -> String {
        let limit = url.utf8.prefix(5).lazy.map { $0 | 0x20 }.elementsEqual("data:".utf8) ? 48 : 300
        var shown = ""
        var count = 0
        for scalar in url.unicodeScalars {
            if count == limit {
                shown += "… (\(url.utf8.count) bytes)"
                break
            }
            if scalar.value < 0x20 || scalar.value == 0x7f {
                shown += scalar.escaped(asASCII: true)
            } else {
                shown.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return shown
    }

    /// "20 MiB", "512 KiB", "1000 bytes".
    static func format(bytes: Int) -> String {
        let mebi = 1024 * 1024
        if bytes >= mebi && bytes % mebi == 0 { return "\(bytes / mebi) MiB" }
        if bytes >= 1024 && bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
        return "\(bytes) bytes"
    }

    /// "20 s", "500 ms".
    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        guard abs(seconds) < 1_000_000_000 else { return "\(seconds) s" }  // no overflow below
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000) s" }
        return "\(milliseconds) ms"
    }
}
