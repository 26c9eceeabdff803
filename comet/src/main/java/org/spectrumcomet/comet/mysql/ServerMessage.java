package org.spectrumcomet.comet.mysql;

import io.netty.buffer.ByteBuf;

/** Something the server sends: writes one or more complete packets (headers included). */
public interface ServerMessage {
    void writeTo(ByteBuf out);
}
