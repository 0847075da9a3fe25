import Hummingbird

extension TestImageServer {
    static func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.middlewares.add(RecordingMiddleware(registry: registry))
        let routes = router.group(":token")

        routes.get("image") { _, _ in imageResponse() }

        // Answers only when the test ends (at the latest after a minute, so nothing hangs):
        // the fetcher's time limit must fire first, however slowly the machine runs.
        routes.get("slow") { _, context in
            try await record(context).waitForRelease(upTo: .seconds(60))
            return imageResponse()
        }

        // Answers once the test releases it (at the latest after a minute, so nothing hangs).
        routes.get("held") { _, context in
            try await record(context).waitForRelease(upTo: .seconds(60))
            return imageResponse()
        }

        // Headers at once, then one byte every 50 ms until the test ends (a minute at most):
        // only a total time limit stops this.
        routes.get("drip") { _, context in
            let record = try record(context)
            return Response(status: .ok, headers: [.contentType: "image/png"], body: ResponseBody { writer in
                for _ in 0..<1200 where !record.isReleased {
                    try await writer.write(ByteBuffer(bytes: [0]))
                    try await Task.sleep(for: .milliseconds(50))
                }
                try await writer.finish(nil)
            })
        }

        routes.get("big-declared") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "image/png"],
                body: .init(byteBuffer: ByteBuffer(repeating: 0x42, count: bigDeclaredSize))
            )
        }

        // Chunked, no Content-Length: 64 MiB over at least 5 s, unless the client hangs up first.
        routes.get("big-streamed") { _, context in
            let record = try record(context)
            return Response(status: .ok, headers: [.contentType: "image/png"], body: ResponseBody { writer in
                let chunk = ByteBuffer(repeating: 0x42, count: streamedChunkSize)
                for _ in 0..<streamedChunkCount where !record.isReleased {
                    try await writer.write(chunk)
                    record.sentChunk()
                    try await Task.sleep(for: .milliseconds(5))
                }
                try await writer.finish(nil)
            })
        }

        routes.get("go/:name") { _, context in
            let name = try context.parameters.require("name")
            guard let location = try record(context).redirect(named: name) else { return Response(status: .notFound) }
            return Response(status: .found, headers: [.location: location])
        }

        routes.get("chain/:n") { _, context in
            let hops = try context.parameters.require("n", as: Int.self)
            guard hops > 0 else { return imageResponse() }
            let token = try context.parameters.require("token")
            return Response(status: .found, headers: [.location: "/\(token)/chain/\(hops - 1)"])
        }

        // Relative references, resolved against the current URL.
        routes.get("loop/a") { _, _ in Response(status: .found, headers: [.location: "b"]) }
        routes.get("loop/b") { _, _ in Response(status: .movedPermanently, headers: [.location: "a"]) }
        routes.get("no-location") { _, _ in Response(status: .found) }
        routes.get("fail") { _, _ in Response(status: .internalServerError) }
        return router
    }

    static func imageResponse() -> Response {
        Response(status: .ok, headers: [.contentType: "image/png"], body: .init(byteBuffer: ByteBuffer(bytes: image)))
    }

    private static func record(_ context: BasicRequestContext) throws -> ServerRecord {
        let token = try context.parameters.require("token")
        guard let record = registry.record(for: token) else { throw HTTPError(.notFound) }
        return record
    }
}

/// Records every request, matched route or not, under the test that its path prefix names.
struct RecordingMiddleware<Context: RequestContext>: RouterMiddleware {
    let registry: ServerRegistry

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let components = request.uri.path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: true)
        if let token = components.first, let record = registry.record(for: String(token)) {
            let rest = components.count > 1 ? "/" + components[1] : "/"
            record.saw(path: rest, authority: request.head.authority)
        }
        return try await next(request, context)
    }
}
