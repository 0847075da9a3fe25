import CVipsShim
import Foundation

/// libvips' error buffer: one per process, appended to by failing operations.
///
/// It is shared by all threads, so under concurrent failures a message may carry another
/// call's text too; `take` copies and clears it atomically (libvips locks it), so no text is
/// lost or reported twice.
enum VipsErrorBuffer {
    static func take() -> String {
        guard let raw = vips_error_buffer_copy() else { return "no reason given" }
        defer { g_free(raw) }
        let text = String(cString: raw).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "no reason given" : text.replacingOccurrences(of: "\n", with: "; ")
    }

    /// Drops whatever is buffered, e.g. after a failure that was handled by a fallback.
    static func clear() {
        vips_error_clear()
    }
}
