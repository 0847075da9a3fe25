import EaselAPI

extension APIError {
    /// RFC 6750's `WWW-Authenticate` for a 401: the scheme a client should use, and why a
    /// token it sent was refused. Both error envelopes (the job API's and OpenAI's) send it.
    var authenticateChallenge: String? {
        guard httpStatus == 401 else { return nil }
        return "Bearer realm=\"easel\"" + (bearerError.map { ", error=\"\($0)\"" } ?? "")
    }
}
