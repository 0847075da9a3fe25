/// Why a fetch failed. The description names the URL and the rule, ready to show to the user
/// who supplied the URL (data: URLs and very long URLs are shortened).
public struct FetchError: Error, Sendable, CustomStringConvertible {
    /// Coarse groups, for mapping to HTTP status codes or retry decisions.
    public enum Kind: Sendable, Hashable {
        /// The URL (or data: URL) cannot be parsed.
        case invalidURL
        /// A rule refused it: scheme, credentials, or an address policy refused.
        case refused
        /// Name resolution, connecting or reading failed.
        case unreachable
        case timedOut
        case tooLarge
        /// The server answered with a status other than 2xx or a followed redirect.
        case httpStatus
        /// Too many redirects, a loop, or a redirect without a usable Location.
        case redirects
        case shutDown
    }

    private enum Reason: Sendable {
        case invalidURL(String)
        case invalidDataURL(String)
        case unsupportedScheme(String)
        case dataURLRedirect
        case credentials
        case refusedAddress(host: String, refusal: AddressRefusal)
        case resolutionFailed(host: String, why: String)
        case noAddresses(host: String)
        case connectionFailed(address: String, why: String)
        case connectTimedOut(address: String, limit: Duration)
        case peerMismatch(expected: String, actual: String)
        case transferFailed(String)
        case timedOut(Duration)
        case declaredTooLarge(declared: Int, limit: Int)
        case tooLarge(limit: Int)
        case httpStatus(code: Int, phrase: String)
        case redirectWithoutLocation(code: Int)
        case invalidRedirect(location: String)
        case tooManyRedirects(limit: Int)
        case redirectLoop(to: String)
        case shutDown
    }

    private let reason: Reason
    /// The URL this concerns (the redirect hop that failed), shortened for display.
    public private(set) var url: String = ""
    /// The URL first asked for, when redirects led elsewhere; shortened for display.
    public private(set) var originalURL: String?

    private init(_ reason: Reason) {
        self.reason = reason
    }

    public var kind: Kind {
        switch reason {
        case .invalidURL, .invalidDataURL: .invalidURL
        case .unsupportedScheme, .dataURLRedirect, .credentials, .refusedAddress: .refused
        case .resolutionFailed, .noAddresses, .connectionFailed, .peerMismatch, .transferFailed: .unreachable
        case .timedOut, .connectTimedOut: .timedOut
        case .declaredTooLarge, .tooLarge: .tooLarge
        case .httpStatus: .httpStatus
        case .redirectWithoutLocation, .invalidRedirect, .tooManyRedirects, .redirectLoop: .redirects
        case .shutDown: .shutDown
        }
    }

    /// The status code, for `.httpStatus` errors.
    public var httpStatus: Int? {
        if case .httpStatus(let code, _) = reason { return code }
        return nil
    }

    /// The policy verdict, for errors refused because of an address.
    public var addressRefusal: AddressRefusal? {
        if case .refusedAddress(_, let refusal) = reason { return refusal }
        return nil
    }

    /// Whether this failed before any response, so another address of the same host may do better.
    var isConnectionFailure: Bool {
        switch reason {
        case .connectionFailed, .connectTimedOut, .peerMismatch: true
        default: false
        }
    }

    public var description: String {
        let subject = originalURL.map { "\(url) (redirected from \($0))" } ?? url
        switch reason {
        case .invalidURL(let why):
            return "invalid URL \(subject): \(why)"
        case .invalidDataURL(let why):
            return "invalid data: URL \(subject): \(why)"
        case .unsupportedScheme(let scheme):
            return "refused \(subject): the \(scheme): scheme is not allowed; only http:, https: and data: URLs can be fetched"
        case .dataURLRedirect:
            return "refused \(subject): a redirect may not lead to a data: URL"
        case .credentials:
            return "refused \(subject): URLs with a user name or password are not accepted"
        case .refusedAddress(let host, let refusal):
            let what = IPAddress(host) == refusal.address
                ? refusal.description
                : "\(host) resolves to \(refusal.address), which is \(refusal.reason)"
            return "refused \(subject): \(what); operators can allow its range with --fetch-allow (EASEL_FETCH_ALLOW)"
        case .resolutionFailed(let host, let why):
            return "could not fetch \(subject): cannot resolve host '\(host)': \(why)"
        case .noAddresses(let host):
            return "could not fetch \(subject): host '\(host)' has no IPv4 or IPv6 address"
        case .connectionFailed(let address, let why):
            return "could not fetch \(subject): connecting to \(address) failed: \(why)"
        case .connectTimedOut(let address, let limit):
            return "could not fetch \(subject): connecting to \(address) took longer than \(Self.format(limit))"
        case .peerMismatch(let expected, let actual):
            return "could not fetch \(subject): the connection reached \(actual) instead of the checked address \(expected)"
        case .transferFailed(let why):
            return "could not fetch \(subject): \(why)"
        case .timedOut(let limit):
            return "could not fetch \(subject): it took longer than the \(Self.format(limit)) limit"
        case .declaredTooLarge(let declared, let limit):
            return "refused \(subject): its Content-Length of \(Self.format(bytes: declared)) exceeds the \(Self.format(bytes: limit)) limit"
        case .tooLarge(let limit):
            return "refused \(subject): its body exceeds the \(Self.format(bytes: limit)) limit; stopped reading"
        case .httpStatus(let code, let phrase):
            return "could not fetch \(subject): the server answered HTTP \(code) \(phrase)"
        case .redirectWithoutLocation(let code):
            return "could not fetch \(subject): HTTP \(code) redirect without a Location header"
        case .invalidRedirect(let location):
            return "could not fetch \(subject): redirect to an unusable location '\(Self.displayForm(location))'"
        case .tooManyRedirects(let limit):
            return "could not fetch \(subject): it redirected more than \(limit) times"
        case .redirectLoop(let target):
            return "could not fetch \(subject): redirect loop back to \(Self.displayForm(target))"
        case .shutDown:
            return "could not fetch \(subject): the fetcher has been shut down"
        }
    }

    /// Fills in the URLs, once: errors are made deep down and located by the fetch loop.
    func located(at url: String, from original: String? = nil) -> FetchError {
        guard self.url.isEmpty else { return self }
        var copy = self
        copy.url = Self.displayForm(url)
        if let original, original != url {
            copy.originalURL = Self.displayForm(original)
        }
        return copy
    }

    static func invalidURL(_ why: String) -> Self { .init(.invalidURL(why)) }
    static func invalidDataURL(_ why: String) -> Self { .init(.invalidDataURL(why)) }
    static func unsupportedScheme(_ scheme: String) -> Self { .init(.unsupportedScheme(scheme)) }
    static var dataURLRedirect: Self { .init(.dataURLRedirect) }
    static var credentials: Self { .init(.credentials) }
    static func refused(host: String, _ refusal: AddressRefusal) -> Self { .init(.refusedAddress(host: host, refusal: refusal)) }
    static func resolutionFailed(host: String, why: String) -> Self { .init(.resolutionFailed(host: host, why: why)) }
    static func noAddresses(host: String) -> Self { .init(.noAddresses(host: host)) }
    static func connectionFailed(address: IPAddress, why: String) -> Self {
        .init(.connectionFailed(address: address.description, why: why))
    }
    static func connectTimedOut(address: IPAddress, limit: Duration) -> Self {
        .init(.connectTimedOut(address: address.description, limit: limit))
    }
    static func peerMismatch(expected: IPAddress, actual: String) -> Self {
        .init(.peerMismatch(expected: expected.description, actual: actual))
    }
    static func transferFailed(_ why: String) -> Self { .init(.transferFailed(why)) }
    static func timedOut(_ limit: Duration) -> Self { .init(.timedOut(limit)) }
    static func declaredTooLarge(_ declared: Int, limit: Int) -> Self { .init(.declaredTooLarge(declared: declared, limit: limit)) }
    static func tooLarge(limit: Int) -> Self { .init(.tooLarge(limit: limit)) }
    static func httpStatus(_ code: Int, _ phrase: String) -> Self { .init(.httpStatus(code: code, phrase: phrase)) }
    static func redirectWithoutLocation(_ code: Int) -> Self { .init(.redirectWithoutLocation(code: code)) }
    static func invalidRedirect(_ location: String) -> Self { .init(.invalidRedirect(location: location)) }
    static func tooManyRedirects(limit: Int) -> Self { .init(.tooManyRedirects(limit: limit)) }
    static func redirectLoop(to url: String) -> Self { .init(.redirectLoop(to: url)) }
    static var shutDown: Self { .init(.shutDown) }
}
