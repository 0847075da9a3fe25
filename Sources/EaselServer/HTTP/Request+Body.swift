import EaselAPI
import Foundation
import Hummingbird
import NIOCore

extension Request {
    /// The whole body, refused with the endpoint's real limit when it is larger. A body that
    /// cannot be read whole (malformed chunked framing, a connection closed mid-body, the
    /// body deadline) is the client's error, answered 400, not a server fault.
    /// - Parameter statedLimit: the limit the refusal names, when `limit` allows for framing
    ///   (multipart) around what the client is told it may send.
    func collectBody(limit: Int, statedLimit: Int? = nil) async throws -> Data {
        do {
            return Data(buffer: try await body.collect(upTo: limit))
        } catch is NIOTooManyBytesError {
            throw APIError.bodyTooLarge(limit: statedLimit ?? limit)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw APIError.malformedBody("body: could not be read whole (\(error))")
        }
    }
}
