import EaselAPI
import EaselCore
import Foundation

/// A job as pretty JSON, exactly as the query endpoint shapes it (for `easel jobs show`).
public enum JobPrinter {
    public static func json(_ job: Job, settings: ServerSettings) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let view = JobViewBuilder(base: PublicBaseURL(settings: settings)).view(job)
        return String(decoding: try encoder.encode(view), as: UTF8.self)
    }
}
