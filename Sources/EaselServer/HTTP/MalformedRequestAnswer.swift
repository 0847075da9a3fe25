import EaselAPI
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request that the HTTP parser refused (a control character in a header, a broken
/// request line) the way every other error is answered: the JSON envelope naming the header
/// and the rule, an `X-Request-Id`, `nosniff`, then the connection closed. Without it
/// Hummingbird answers an empty 400.
///
/// Only a refused request head is answered here. A parse error inside a body, or while a
/// response is under way, goes on to Hummingbird as before: the request's handler must see
/// its body fail, not end early. The handler sits behind the HTTP codecs; on being added it
/// puts a `RawReadTap` at the front of the pipeline, which keeps the last bytes read so that
/// the answer can name the header that broke the rule.
final class MalformedRequestAnswer: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let tap = RawReadTap()
    /// A request head was read and its response has not ended.
    private var requestInProgress = false

    func handlerAdded(context: ChannelHandlerContext) {
        do {
            try context.pipeline.syncOperations.addHandler(tap, position: .first)
        } catch {
            // Without the tap the answer cannot name the header; it is still the envelope.
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            requestInProgress = true
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { requestInProgress = false }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError, !requestInProgress else {
            context.fireErrorCaught(error)
            return
        }
        let message = tap.lastRead.flatMap(MalformedHead.describe) ?? "request: malformed HTTP (\(parserError))"
        let body = (try? JSONEncoder().encode(Envelope(error: .invalidArgument(message)))) ?? Data()
        let head = HTTPResponse(status: .badRequest, headerFields: [
            .contentType: "application/json; charset=utf-8", .contentLength: String(body.count), .connection: "close",
            .xRequestID: RequestID.fresh(), .xContentTypeOptions: "nosniff",
        ])
        requestInProgress = true  // nothing else may be answered on this connection
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }
}
