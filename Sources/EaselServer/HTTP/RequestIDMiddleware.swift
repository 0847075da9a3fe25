import Hummingbird
import Logging

/// Names every request: the client's `X-Request-Id` when it is a short plain token (so that
/// a proxy's or a caller's id follows the request through), else a fresh random one. The id
/// is answered on every response, errors included, and carried by every log line of the
/// request (as `hb.request.id`, the key Hummingbird already uses for its own id).
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    static var maxLength: Int { 128 }

    func handle(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let id = request.headers[.xRequestID].flatMap(Self.accepted) ?? Self.freshID()
        var context = context
        context.logger[metadataKey: "hb.request.id"] = .string(id)
        var response = try await next(request, context)
        response.headers[.xRequestID] = id
        return response
    }

    /// 128 random bits as 32 hex digits: two words, not sixteen bytes formatted one by one,
    /// since every request pays for it.
    static func freshID() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex(generator.next()) + hex(generator.next())
    }

    private static func hex(_ word: UInt64) -> String {
        let digits = String(word, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Ids are echoed into headers and logs: only letters, digits and `-_.:` are taken, so a
    /// client cannot forge log lines or headers with one.
    static func accepted(_ candidate: String) -> String? {
        guard (1...maxLength).contains(candidate.utf8.count),
              candidate.utf8.allSatisfy({ byte in
                  (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                      || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x3A
              })
        else { return nil }
        return candidate
    }
}
