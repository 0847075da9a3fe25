import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request body has not arrived whole within `timeout` of its
/// head. Hummingbird's idle timeout already closes connections that send nothing, or a head
/// that never completes (no request part is decoded meanwhile), but each body chunk counts
/// as activity: a client trickling a byte at a time would hold the connection for ever.
/// The timer is armed by the first body chunk, for what is left of `timeout` since the head:
/// requests without a body (every poll), whose head and end arrive together, never pay for
/// one, and a head whose body never starts is the idle timeout's.
final class RequestBodyDeadline: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let timeout: TimeAmount
    /// When the body must have ended, from the head until the end arrives.
    private var due: NIODeadline?
    private var deadline: Scheduled<Void>?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            disarm()
            due = .now() + timeout
        case .body:
            if deadline == nil, let due {
                let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
                deadline = context.eventLoop.assumeIsolated().scheduleTask(deadline: due) {
                    loopBound.value.close(promise: nil)
                }
            }
        case .end:
            disarm()
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
        due = nil
    }
}
