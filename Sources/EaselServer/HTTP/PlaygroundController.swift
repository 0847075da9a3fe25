import EaselAPI
import Hummingbird
import NIOCore

/// Serves the web playground: the page at `/`, its modules and style sheet at
/// `/playground/<name>`. The page talks only to this server's API, with the key the user
/// typed in, so its policy allows nothing from elsewhere and no inline code at all.
struct PlaygroundController<Context: RequestContext>: Sendable {
    func addRoutes(to router: Router<Context>) {
        let assets = PlaygroundAssets.load()
        router.get("/") { _, _ in
            guard let page = assets.file(named: "index.html") else {
                throw APIError.internalError("the playground is missing from the build")
            }
            return Self.response(page)
        }
        router.get("playground/:name") { _, context in
            let name = try context.parameters.require("name")
            guard let file = assets.file(named: name) else {
                throw APIError.notFound("playground: no file \"\(name.prefix(80))\"")
            }
            return Self.response(file)
        }
    }

    private static func response(_ file: PlaygroundAssets.File) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: file.contentType, .contentSecurityPolicy: PlaygroundAssets.contentSecurityPolicy,
                .xContentTypeOptions: "nosniff", .cacheControl: "no-cache", .referrerPolicy: "no-referrer",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.data)))
    }
}
