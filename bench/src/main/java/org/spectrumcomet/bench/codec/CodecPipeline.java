package org.spectrumcomet.bench.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.spectrumcomet.protocol.SpectrumFrameDecoder;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.WrapperMessageDecoder;
import org.spectrumcomet.protocol.WrapperMessageEncoder;

/**
 * The protocol module's codec called directly, as a backend runs it per frame, without a channel
 * (an EmbeddedChannel alone cost ~2.6 µs per write, which measured Netty's test harness, not us):
 * <ul>
 *   <li>encode+frame: {@link WrapperMessageEncoder#frame}, the whole frame in a heap array of its
 *       exact size, length prefix included — what {@code OutboundGate} does on the sending thread —
 *       then the buffer is released (the event loop's copy into a direct buffer at the socket write is
 *       of the same order as the buffer-copy baseline);</li>
 *   <li>decode+dispatch: {@link SpectrumFrameDecoder#nextFrame} (length prefix, retained slice),
 *       {@link WrapperMessageDecoder#read} (wrapper and payload), release, then {@link FrameDispatch}.</li>
 * </ul>
 */
final class CodecPipeline implements AutoCloseable {

    private final SpectrumFrameDecoder frames = new SpectrumFrameDecoder();
    private final FrameDispatch dispatch = new FrameDispatch();
    private byte[] lastFrame;
    private ByteBuf wrapped;

    /** Encodes and frames {@code message}; the number of bytes that would go to the socket (buffer released). */
    int encode(SpectrumMessage message) {
        ByteBuf out = WrapperMessageEncoder.frame(message);
        try {
            return out.readableBytes();
        } finally {
            out.release();
        }
    }

    /**
     * Decodes and dispatches {@code frame}, read from a buffer wrapping it without a copy (the socket
     * read's own copy is the buffer-copy baseline, not decoding); the number of frames dispatched so far.
     */
    long decode(byte[] frame) {
        if (frame != lastFrame) {
            lastFrame = frame;
            wrapped = Unpooled.wrappedBuffer(frame);
        }
        wrapped.setIndex(0, frame.length);
        return decodeFrom(wrapped);
    }

    /**
     * As {@link #decode}, from a copy in a pooled buffer as a socket read makes: such buffers are
     * the ones Netty's leak detector tracks, so the leak check uses this.
     */
    long decodeCopied(byte[] frame) {
        ByteBuf in = ByteBufAllocator.DEFAULT.buffer(frame.length).writeBytes(frame);
        try {
            return decodeFrom(in);
        } finally {
            in.release();
        }
    }

    private long decodeFrom(ByteBuf in) {
        ByteBuf body;
        while ((body = frames.nextFrame(in)) != null) {
            Object read;
            try {
                read = WrapperMessageDecoder.REPORTING.read(body);
            } finally {
                body.release();
            }
            dispatch.accept(read);
        }
        return dispatch.dispatched();
    }

    FrameDispatch dispatch() {
        return dispatch;
    }

    @Override
    public void close() {
        dispatch.close();
    }
}
