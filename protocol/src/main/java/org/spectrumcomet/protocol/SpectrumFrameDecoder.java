package org.spectrumcomet.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the byte stream into frames: a 4-byte unsigned big-endian length, then that many bytes.
 * Emits each frame's body as a {@link ByteBuf} slice (a zero-length body is passed on too: Spectrum
 * treats it as an unparsable message, and so does {@link WrapperMessageDecoder}).
 *
 * <p>Spectrum itself has no size limit; a backend must have one. A length above
 * {@code maxFrameLength} raises {@link FrameTooLargeException} and closes the channel at once,
 * before any of the announced bytes are buffered.
 *
 * <pre>
 *   SpectrumFrameDecoder → WrapperMessageDecoder → behaviour handlers
 * </pre>
 */
public final class SpectrumFrameDecoder extends ByteToMessageDecoder {

    /** 16 MiB: far above the largest legitimate frame (a vCard photo). */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 16 * 1024 * 1024;

    static final int LENGTH_FIELD_BYTES = 4;

    private final int maxFrameLength;
    private boolean failed;

    public SpectrumFrameDecoder() {
        this(DEFAULT_MAX_FRAME_LENGTH);
    }

    public SpectrumFrameDecoder(int maxFrameLength) {
        if (maxFrameLength <= 0) {
            throw new IllegalArgumentException("maxFrameLength must be positive: " + maxFrameLength);
        }
        this.maxFrameLength = maxFrameLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        try {
            ByteBuf frame;
            while ((frame = nextFrame(in)) != null) {
                out.add(frame);
            }
        } catch (FrameTooLargeException e) {
            ctx.close();
            throw e;
        }
    }

    /**
     * The next whole frame body in {@code in} as a retained slice (the caller releases it), or null
     * when {@code in} does not hold a whole frame yet. After an oversized length everything is
     * skipped, this call and every later one.
     *
     * @throws FrameTooLargeException when the next length is above the cap
     */
    public ByteBuf nextFrame(ByteBuf in) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return null;
        }
        if (in.readableBytes() < LENGTH_FIELD_BYTES) {
            return null;
        }
        long length = in.getUnsignedInt(in.readerIndex());
        if (length > maxFrameLength) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw new FrameTooLargeException(length, maxFrameLength);
        }
        if (in.readableBytes() < LENGTH_FIELD_BYTES + length) {
            return null;
        }
        in.skipBytes(LENGTH_FIELD_BYTES);
        return in.readRetainedSlice((int) length);
    }
}
