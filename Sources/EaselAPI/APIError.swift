/// An error answered to a client: an HTTP status plus the envelope's non-zero `code` and a
/// `message` that names the field and the rule broken.
public struct APIError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case malformedBody, invalidArgument, unknownModel, bodyTooLarge
        case unauthorized, invalidToken, notFound, methodNotAllowed, conflict, alreadyFinished, gone
        case rangeNotSatisfiable, busy, rateLimited, tooManyJobs, internalError
    }

    private let kind: Kind
    public let message: String
    /// Seconds a client should wait before retrying (`Retry-After`), for busy answers.
    public let retryAfterSeconds: Int?

    private init(_ kind: Kind, _ message: String, retryAfterSeconds: Int? = nil) {
        self.kind = kind
        self.message = message
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The body is not JSON, or not the JSON object the endpoint expects.
    public static func malformedBody(_ message: String) -> Self { .init(.malformedBody, message) }
    /// One or more fields break a rule; `message` lists each as `field: rule (got …)`.
    public static func invalidArgument(_ message: String) -> Self { .init(.invalidArgument, message) }
    public static func unknownModel(_ requested: String, served: [String]) -> Self {
        .init(.unknownModel, "model: unknown model \"\(requested)\"; this server serves: \(served.joined(separator: ", "))")
    }
    public static func bodyTooLarge(limit: Int) -> Self {
        .init(.bodyTooLarge, "body: must be at most \(ByteCountText.format(limit))")
    }
    /// No usable credentials were sent (none, or not a bearer token).
    public static func unauthorized(_ message: String) -> Self { .init(.unauthorized, message) }
    /// A bearer token was sent but is unknown or revoked (RFC 6750 `invalid_token`).
    public static func invalidToken(_ message: String) -> Self { .init(.invalidToken, message) }
    public static func notFound(_ message: String) -> Self { .init(.notFound, message) }
    /// The path exists but does not take this method.
    public static func methodNotAllowed(_ message: String) -> Self { .init(.methodNotAllowed, message) }
    /// An `Idempotency-Key` reused with a different body.
    public static func conflict(_ message: String) -> Self { .init(.conflict, message) }
    /// Cancel on a job that has already finished.
    public static func alreadyFinished(_ message: String) -> Self { .init(.alreadyFinished, message) }
    /// A file past its retention.
    public static func gone(_ message: String) -> Self { .init(.gone, message) }
    /// A `Range` that starts past the end of the file.
    public static func rangeNotSatisfiable(_ message: String) -> Self { .init(.rangeNotSatisfiable, message) }
    /// The queue is full or the database unreachable: clients of the hosted API already retry
    /// on code 3000.
    public static func busy(_ message: String, retryAfterSeconds: Int = 5) -> Self {
        .init(.busy, message, retryAfterSeconds: retryAfterSeconds)
    }
    /// The key sent more requests than its rate allows.
    public static func rateLimited(_ message: String, retryAfterSeconds: Int) -> Self {
        .init(.rateLimited, message, retryAfterSeconds: retryAfterSeconds)
    }
    /// The key already has as many queued and running jobs as it may.
    public static func tooManyJobs(_ message: String, retryAfterSeconds: Int) -> Self {
        .init(.tooManyJobs, message, retryAfterSeconds: retryAfterSeconds)
    }
    public static func internalError(_ message: String) -> Self { .init(.internalError, message) }

    /// The envelope's `code`. Stable: clients branch on it. See docs/API.md.
    public var code: Int {
        switch kind {
        case .malformedBody: 1000
        case .invalidArgument: 1001
        case .unknownModel: 1002
        case .bodyTooLarge: 1003
        case .unauthorized, .invalidToken: 2001
        case .notFound: 2004
        case .methodNotAllowed: 2005
        case .conflict: 2009
        case .alreadyFinished: 2010
        case .gone: 2011
        case .rangeNotSatisfiable: 2016
        case .busy: 3000
        case .rateLimited: 3001
        case .tooManyJobs: 3002
        case .internalError: 5000
        }
    }

    public var httpStatus: Int {
        switch kind {
        case .malformedBody, .invalidArgument, .unknownModel: 400
        case .bodyTooLarge: 413
        case .unauthorized, .invalidToken: 401
        case .notFound: 404
        case .methodNotAllowed: 405
        case .conflict, .alreadyFinished: 409
        case .gone: 410
        case .rangeNotSatisfiable: 416
        case .busy: 503
        case .rateLimited, .tooManyJobs: 429
        case .internalError: 500
        }
    }

    /// The RFC 6750 `error` of the `WWW-Authenticate` challenge: set only when a token was
    /// sent and refused, so that a client without one is not told anything about tokens.
    public var bearerError: String? { kind == .invalidToken ? "invalid_token" : nil }

    public var description: String { "\(code): \(message)" }
}
