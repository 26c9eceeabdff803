package org.spectrumcomet.comet.mysql;

import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/** Writes complete packets (header plus payload) into an outbound buffer. */
final class PacketFraming {
    private PacketFraming() {
    }

    /**
     * Writes one packet whose payload {@code body} produces, back-filling the length so the
     * payload is never copied.
     */
    static void packet(ByteBuf out, int sequence, Consumer<ByteBuf> body) {
        int headerAt = out.writerIndex();
        out.writeMediumLE(0);
        out.writeByte(sequence & 0xFF);
        int start = out.writerIndex();
        body.accept(out);
        int length = out.writerIndex() - start;
        if (length >= MysqlPacketDecoder.CONTINUED) {
            throw new IllegalStateException("server packet of " + length + " bytes needs splitting");
        }
        out.setMediumLE(headerAt, length);
    }
}
