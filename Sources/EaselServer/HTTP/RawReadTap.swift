import NIOCore

/// Holds the last bytes read from the socket until a request head is decoded from them: a
/// reference, not a copy, so a request costs one retain. `MalformedRequestAnswer` reads it
/// when the parser refuses a head, to name the header at fault.
final class RawReadTap: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private(set) var lastRead: ByteBuffer?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        lastRead = unwrapInboundIn(data)
        context.fireChannelRead(data)
    }

    func forget() { lastRead = nil }
}
