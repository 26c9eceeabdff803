package org.spectrumcomet.comet.mysql;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * One client packet: its sequence id and payload (the 4-byte header already removed).
 * Reference counted: whoever takes it releases it.
 */
public final class MysqlPacket extends DefaultByteBufHolder {
    private final int sequence;

    public MysqlPacket(int sequence, ByteBuf payload) {
        super(payload);
        this.sequence = sequence;
    }

    /** The sequence id the client gave this packet (0 for the first packet of a command). */
    public int sequence() {
        return sequence;
    }

    @Override
    public String toString() {
        return "MysqlPacket(seq=" + sequence + ", " + content().readableBytes() + " bytes)";
    }
}
