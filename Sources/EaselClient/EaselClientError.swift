/// Why a call failed. `kind` says whether the server answered with an API error (then `code`
/// and `message` are the API's own, e.g. 2001 for a bad key, 1001 for a broken argument rule),
/// could not be reached, or answered something that is not the API.
public struct EaselClientError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The server answered with a non-zero `code` (and usually an HTTP 4xx/5xx).
        public static let api = Kind("api")
        /// No answer: connection refused, name not resolved, timeout, connection lost.
        public static let unreachable = Kind("unreachable")
        /// An answer that is not the API's JSON (a proxy's error page, a cut body …).
        public static let invalidResponse = Kind("invalid response")
        /// A local file could not be read or written.
        public static let file = Kind("file")

        public var description: String { name }
    }

    public let kind: Kind
    /// The API's envelope `code` when `kind` is `.api` (see docs/API.md for the table).
    public let code: Int?
    public let message: String
    /// The HTTP status, when there was an answer.
    public let httpStatus: Int?
    /// The URL called, or the file's path for `.file`.
    public let url: String

    init(kind: Kind, code: Int? = nil, message: String, httpStatus: Int? = nil, url: String) {
        self.kind = kind
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.url = url
    }

    /// Code 3000: the server's queue is full; the same call may succeed later.
    public var isBusy: Bool { kind == .api && code == 3000 }

    public var description: String {
        switch kind {
        case .api: "\(code.map(String.init) ?? "?"): \(message)"
        case .unreachable: "cannot reach \(url): \(message)"
        case .file: "\(url): \(message)"
        default: "\(url): \(message)"
        }
    }
}
