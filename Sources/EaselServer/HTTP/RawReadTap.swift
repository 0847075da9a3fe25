import NIOCore

/// Holds the bytes of a read while the decoder parses them: a reference, not a copy, so a
/// read costs one retain. `MalformedRequestAnswer` reads it
/// when the parser refuses a head, to name the header at fault.
final class RawReadTap: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private(set) var lastRead: ByteBuffer?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // The decoder parses inside this call and reports a refused head during it: the
        // bytes are needed only until it returns.
        lastRead = unwrapInboundIn(data)
        context.fireChannelRead(data)
        lastRead = nil
    }
}
