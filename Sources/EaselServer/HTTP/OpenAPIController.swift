import Foundation
import Hummingbird
import NIOCore

/// Serves the API's OpenAPI document (`Resources/openapi.yaml`, kept in the repository; a
/// test checks that it lists exactly the routes the server has), naming this server's
/// public URL under `servers`. The file is read once, when the routes are built, never on
/// a request's thread; the URL is filled in per request, since with `--port 0` it is known
/// only once the socket is bound.
struct OpenAPIController<Context: RequestContext>: Sendable {
    let publicURL: PublicBaseURL

    func addRoutes(to router: Router<Context>) {
        let template = Bundle.module.url(forResource: "openapi", withExtension: "yaml")
            .flatMap { try? String(contentsOf: $0, encoding: .utf8) }
        let publicURL = publicURL
        router.get("openapi.yaml") { _, _ in
            guard let document = template.flatMap({ OpenAPIDocument.serving($0, publicURL: publicURL.url) })
                .map({ ByteBuffer(string: $0) }) else {
                throw HTTPError(.internalServerError, message: "openapi.yaml is missing from the build, or lacks its servers entry")
            }
            return Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: ResponseBody(byteBuffer: document))
        }
    }
}
