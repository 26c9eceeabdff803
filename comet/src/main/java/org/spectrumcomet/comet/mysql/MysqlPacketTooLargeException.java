package org.spectrumcomet.comet.mysql;

import io.netty.handler.codec.DecoderException;

/** A client packet announced more bytes than allowed; the connection is answered with an ERR and closed. */
public final class MysqlPacketTooLargeException extends DecoderException {
    private final long announced;
    private final int limit;
    private final int sequence;

    public MysqlPacketTooLargeException(long announced, int limit, int sequence) {
        super("packet of " + announced + " bytes exceeds the limit of " + limit + " bytes");
        this.announced = announced;
        this.limit = limit;
        this.sequence = sequence;
    }

    /** The refused packet's sequence id (the answer uses the next one). */
    public int sequence() {
        return sequence;
    }

    public long announced() {
        return announced;
    }

    public int limit() {
        return limit;
    }
}
