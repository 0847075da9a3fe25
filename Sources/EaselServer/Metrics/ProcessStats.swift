import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What Prometheus' standard `process_*` metrics report, read from Linux's /proc. Reads
/// files and lists a directory: call it off Swift's cooperative pool.
struct ProcessStats: Sendable, Equatable {
    var residentBytes: Double
    var virtualBytes: Double
    var cpuSeconds: Double
    var openFileDescriptors: Double
    var maxFileDescriptors: Double
    /// Seconds since the Unix epoch.
    var startTime: Double

    /// - Returns: nil when /proc cannot be read (or is not Linux's).
    static func read() -> ProcessStats? {
        #if os(Linux)
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let fields = statFields(stat), fields.count > 21,
              let utime = Double(fields[11]), let stime = Double(fields[12]),
              let startTicks = Double(fields[19]), let virtualBytes = Double(fields[20]),
              let residentPages = Double(fields[21]),
              let bootTime = bootTime()
        else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let pageSize = Double(sysconf(Int32(_SC_PAGESIZE)))
        let openFiles = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
        return ProcessStats(
            residentBytes: residentPages * pageSize, virtualBytes: virtualBytes,
            cpuSeconds: (utime + stime) / ticks, openFileDescriptors: Double(openFiles),
            maxFileDescriptors: maxFileDescriptors(), startTime: bootTime + startTicks / ticks)
        #else
        return nil
        #endif
    }

    /// The fields after the command name, which is in parentheses and may hold spaces:
    /// index 0 is the state (field 3 in proc(5)).
    static func statFields(_ stat: String) -> [Substring]? {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
    }

    /// When the system booted, in seconds since the Unix epoch (`btime` in /proc/stat).
    private static func bootTime() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8) else { return nil }
        let line = text.split(separator: "\n").first { $0.hasPrefix("btime ") }
        return line.flatMap { Double($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
    }

    #if os(Linux)
    private static func maxFileDescriptors() -> Double {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        return Double(limit.rlim_cur)
    }
    #endif
}
