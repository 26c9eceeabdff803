package org.spectrumcomet.bench.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.spectrumcomet.protocol.SpectrumCodec;
import org.spectrumcomet.protocol.SpectrumFrameDecoder;
import org.spectrumcomet.protocol.SpectrumMessage;

/**
 * The protocol module's codec handlers as a backend installs them ({@link SpectrumCodec#install}),
 * in an {@link EmbeddedChannel} ending in {@link FrameDispatch}: the code a real link runs per
 * frame, without a socket.
 */
final class CodecPipeline implements AutoCloseable {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final FrameDispatch dispatch = new FrameDispatch();

    CodecPipeline() {
        SpectrumCodec.install(channel.pipeline(), SpectrumFrameDecoder.DEFAULT_MAX_FRAME_LENGTH, true);
        channel.pipeline().addLast("dispatch", dispatch);
    }

    /** Encodes and frames {@code message}; the number of bytes that would go to the socket (buffers released). */
    int encode(SpectrumMessage message) {
        channel.writeOutbound(message);
        int bytes = 0;
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            bytes += out.readableBytes();
            out.release();
        }
        return bytes;
    }

    /**
     * Decodes and dispatches {@code frame}, wrapped without a copy (the socket read's own copy is
     * the buffer-copy baseline, not decoding); the number of frames dispatched so far.
     */
    long decode(byte[] frame) {
        channel.writeInbound(Unpooled.wrappedBuffer(frame));
        return dispatch.dispatched();
    }

    /**
     * As {@link #decode}, from a copy in a pooled buffer as a socket read makes: such buffers are
     * the ones Netty's leak detector tracks, so the leak check uses this.
     */
    long decodeCopied(byte[] frame) {
        channel.writeInbound(ByteBufAllocator.DEFAULT.buffer(frame.length).writeBytes(frame));
        return dispatch.dispatched();
    }

    FrameDispatch dispatch() {
        return dispatch;
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
    }
}
