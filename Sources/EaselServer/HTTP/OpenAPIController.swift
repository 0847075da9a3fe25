import Foundation
import Hummingbird
import NIOCore

/// Serves the API's OpenAPI document (`Resources/openapi.yaml`, kept in the repository; a
/// test checks that it lists exactly the routes the server has).
struct OpenAPIController<Context: RequestContext>: Sendable {
    func addRoutes(to router: Router<Context>) {
        router.get("openapi.yaml") { _, _ in
            guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
                throw HTTPError(.internalServerError, message: "openapi.yaml is missing from the build")
            }
            return Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: try Data(contentsOf: url))))
        }
    }
}
