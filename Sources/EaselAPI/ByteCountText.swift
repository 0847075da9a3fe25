/// Sizes in messages as the docs and flags state them: "20 MiB", "512 KiB", "1000 bytes".
public enum ByteCountText {
    public static func format(_ bytes: Int) -> String {
        let mebi = 1024 * 1024
        if bytes >= mebi && bytes % mebi == 0 { return "\(bytes / mebi) MiB" }
        if bytes >= 1024 && bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
        guard bytes >= mebi else { return "\(bytes) bytes" }
        // Not a whole number of MiB: exact, with the rounded MiB beside it for reading.
        let tenths = (bytes * 10 + mebi / 2) / mebi
        return "\(bytes) bytes (\(tenths / 10).\(tenths % 10) MiB)"
    }
}
