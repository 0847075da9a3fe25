import EaselCore

/// Bounds the memory that image decodes hold at once, across every job of the process: a
/// decode reserves its worst case (`Raster.decodeCost`) and waits, first come first served,
/// until that much of the budget is free. A decode larger than the whole budget runs alone.
/// Without it, a few jobs of huge interlaced PNGs decoding together would multiply the peak.
public struct DecodeBudget: Sendable {
    /// 512 MiB: two of the largest inputs the default caps allow (40 megapixels, 16-bit RGB
    /// interlaced PNG, 240 MB of samples each) at once.
    public static let defaultBytes = 512 * 1024 * 1024

    private let bytes: AsyncSemaphore

    public init(bytes: Int) {
        self.bytes = AsyncSemaphore(permits: bytes)
    }

    /// Decodes waiting for room.
    public var waiting: Int { bytes.waiting }

    /// Runs `body` while `cost` bytes (at most the whole budget) are reserved for it.
    public func withReservation<T: Sendable>(_ cost: Int, _ body: () async throws -> T) async throws -> T {
        try await bytes.withPermits(cost, body)
    }
}
