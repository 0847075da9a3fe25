/// Bounds on one fetch, redirects included.
public struct FetchLimits: Sendable, Hashable {
    /// Largest body accepted, in bytes; checked against Content-Length up front and while streaming.
    public var maxBodyBytes: Int
    /// Wall-clock budget for the whole fetch: resolution, every redirect hop and the body.
    public var totalTimeout: Duration
    /// Budget for establishing one TCP (and TLS) connection.
    public var connectTimeout: Duration
    /// Redirects followed before giving up.
    public var maxRedirects: Int

    public init(
        maxBodyBytes: Int = 20 * 1024 * 1024,
        totalTimeout: Duration = .seconds(20),
        connectTimeout: Duration = .seconds(5),
        maxRedirects: Int = 5
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.totalTimeout = totalTimeout
        self.connectTimeout = connectTimeout
        self.maxRedirects = maxRedirects
    }
}
