package org.spectrumcomet.comet.mysql;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Asks a client that answered the greeting with another plugin (MySQL Connector/J 9 may choose
 * {@code caching_sha2_password}) to authenticate with {@code mysql_native_password} instead.
 */
public record AuthSwitchRequest(int sequence, byte[] salt) implements ServerMessage {

    @Override
    public void writeTo(ByteBuf out) {
        PacketFraming.packet(out, sequence, p -> {
            p.writeByte(0xFE);
            p.writeBytes(NativePassword.PLUGIN.getBytes(StandardCharsets.US_ASCII));
            p.writeByte(0);
            p.writeBytes(salt);
            p.writeByte(0);
        });
    }
}
