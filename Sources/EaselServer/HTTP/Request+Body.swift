import EaselAPI
import Foundation
import Hummingbird
import NIOCore

extension Request {
    /// The whole body, refused with the endpoint's real limit when it is larger.
    func collectBody(limit: Int) async throws -> Data {
        do {
            return Data(buffer: try await body.collect(upTo: limit))
        } catch is NIOTooManyBytesError {
            throw APIError.bodyTooLarge(limit: limit)
        }
    }
}
