// The baseline for bench/api.sh: a bare Hummingbird route that encodes a JSON body of the
// same shape and size as a job query, with no auth, no database and no middleware.
import Foundation
import Hummingbird

struct Payload: Encodable {
    struct Data: Encodable {
        var job_id = "5d3dac3d62bb75cc33d83214b533e4da"
        var model = "alibaba/wan-2.6/image-to-image"
        var status = 1
        var progress = 0.5
        var amount = "0.026"
        var refunded = false
        var engine = "classic"
        var attempts = 1
        var created_at = "2026-11-25T12:00:00.000Z"
        var started_at = "2026-11-25T12:00:00.100Z"
    }
    var code = 0
    var data = Data()
}

let port = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 18182
let router = Router()
router.get("json") { _, _ in
    let body = try JSONEncoder().encode(Payload())
    return Response(status: .ok, headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
