#if canImport(Glibc)
import Glibc
#endif

/// Gives freed heap memory back to the system. glibc keeps what a large decode freed in its
/// arenas (one per thread that allocated, and libvips decodes on several), so after a run of
/// big images the process would keep hundreds of megabytes it no longer uses.
public enum ProcessMemory {
    private typealias MallocTrim = @convention(c) (Int) -> Int32

    /// glibc's `malloc_trim`, looked up at run time: Swift's Glibc module leaves out
    /// `malloc.h`, and other C libraries (musl) do not have it.
    private static let mallocTrim: MallocTrim? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: MallocTrim.self)
        #else
        return nil
        #endif
    }()

    private typealias MallOpt = @convention(c) (Int32, Int32) -> Int32

    /// Caps glibc's malloc arenas at `count` (its default is 8 per core). Each arena holds on
    /// to what its threads freed; fewer arenas keep less memory for the same work. Call it
    /// first thing, before threads start.
    public static func limitArenas(to count: Int) {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        _ = mallopt(-8, Int32(count)) // M_ARENA_MAX
        #endif
    }

    /// Returns the free pages of every malloc arena to the kernel. Takes milliseconds on a
    /// large heap: call it off Swift's cooperative pool, after work that allocated a lot.
    public static func trim() {
        _ = mallocTrim?(0)
    }
}
