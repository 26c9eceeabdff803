package org.spectrumcomet.protocol;

import io.netty.handler.codec.TooLongFrameException;

/**
 * A peer announced a frame longer than this side accepts. The link cannot be resynchronised
 * safely after that, so the decoder closes it; the announced size is never allocated.
 */
public final class FrameTooLargeException extends TooLongFrameException {
    private static final long serialVersionUID = 1L;

    private final long announcedLength;
    private final int maxFrameLength;

    public FrameTooLargeException(long announcedLength, int maxFrameLength) {
        super("frame of " + announcedLength + " bytes announced, the limit is " + maxFrameLength + " bytes");
        this.announcedLength = announcedLength;
        this.maxFrameLength = maxFrameLength;
    }

    public long announcedLength() {
        return announcedLength;
    }

    public int maxFrameLength() {
        return maxFrameLength;
    }
}
