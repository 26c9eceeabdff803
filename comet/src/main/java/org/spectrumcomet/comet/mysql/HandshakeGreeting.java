package org.spectrumcomet.comet.mysql;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The protocol-10 initial handshake (sequence 0) that opens every connection.
 *
 * @param serverVersion starts with digits: MySQL Connector/J parses it as a version number
 * @param salt 20 printable ASCII bytes (see {@link NativePassword#newSalt})
 */
public record HandshakeGreeting(String serverVersion, long connectionId, byte[] salt) implements ServerMessage {

    @Override
    public void writeTo(ByteBuf out) {
        PacketFraming.packet(out, 0, p -> {
            p.writeByte(10);
            p.writeBytes(serverVersion.getBytes(StandardCharsets.US_ASCII));
            p.writeByte(0);
            p.writeIntLE((int) connectionId);
            p.writeBytes(salt, 0, 8);
            p.writeByte(0);
            p.writeShortLE(Capabilities.SERVER & 0xFFFF);
            p.writeByte(Capabilities.CHARSET_UTF8MB4);
            p.writeShortLE(Capabilities.STATUS_AUTOCOMMIT);
            p.writeShortLE(Capabilities.SERVER >>> 16);
            p.writeByte(salt.length + 1);
            p.writeZero(10);
            p.writeBytes(salt, 8, salt.length - 8);
            p.writeByte(0);
            p.writeBytes(NativePassword.PLUGIN.getBytes(StandardCharsets.US_ASCII));
            p.writeByte(0);
        });
    }
}
