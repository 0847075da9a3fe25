import CVipsShim
import Foundation

/// libvips, started once per process on first use.
///
/// Settings are for a server: the operation cache is off (each image is processed once, so
/// caching only grows memory), loaders libvips marks untrusted are blocked, and each
/// pipeline uses at most 4 threads unless `VIPS_CONCURRENCY` says otherwise, so that
/// concurrent jobs share the cores instead of each claiming all of them.
public enum ImagingRuntime {
    /// Swift runs a `static let` initializer exactly once, thread-safely: that is the lock.
    private static let started: Result<Void, ImagingError> = {
        let fromEnvironment = ProcessInfo.processInfo.environment["VIPS_CONCURRENCY"] != nil
        let threads = fromEnvironment ? 0 : min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))
        guard easel_vips_start(Int32(threads)) == 0 else {
            return .failure(.runtimeUnavailable("libvips failed to start: \(VipsErrorBuffer.take())"))
        }
        return .success(())
    }()

    /// Starts libvips if needed. Every public entry point of this module calls it.
    public static func start() throws(ImagingError) {
        try started.get()
    }

    /// The libvips version in use, e.g. `8.14.1`.
    public static var libvipsVersion: String {
        "\(vips_version(0)).\(vips_version(1)).\(vips_version(2))"
    }
}
