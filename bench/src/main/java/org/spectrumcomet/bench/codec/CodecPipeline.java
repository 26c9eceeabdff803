package org.spectrumcomet.bench.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
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
     * Copies {@code frame} into a pooled buffer (as a socket read does) and decodes and dispatches
     * it; the number of frames dispatched so far.
     */
    long decode(byte[] frame) {
        ByteBuf in = ByteBufAllocator.DEFAULT.buffer(frame.length).writeBytes(frame);
        channel.writeInbound(in);
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
