package org.spectrumcomet.comet.mysql;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * The client's HandshakeResponse41 (login packet).
 *
 * @param database empty when the client did not name one
 * @param authPlugin empty when the client did not name one
 */
public record HandshakeResponse(int capabilities, String user, byte[] authResponse, String database,
                                String authPlugin) {

    /** The bytes an SSLRequest consists of: flags, max packet, charset, 23 filler bytes. */
    static final int SSL_REQUEST_BYTES = 32;

    public boolean has(int capability) {
        return (capabilities & capability) != 0;
    }

    /** True for a payload that is only an SSLRequest (the client wants TLS before logging in). */
    public static boolean isSslRequest(ByteBuf payload) {
        return payload.readableBytes() == SSL_REQUEST_BYTES
                && (payload.getIntLE(payload.readerIndex()) & Capabilities.SSL) != 0;
    }

    /**
     * Parses the login packet.
     *
     * @throws IllegalArgumentException when the packet is not a protocol-4.1 login or is truncated
     */
    public static HandshakeResponse parse(ByteBuf payload) {
        try {
            int flags = payload.readIntLE();
            if ((flags & Capabilities.PROTOCOL_41) == 0) {
                throw new IllegalArgumentException("only the protocol 4.1 login packet is supported");
            }
            payload.skipBytes(4 + 1 + 23); // max packet size, charset, filler
            String user = LengthEncoded.readNulTerminated(payload);
            byte[] auth = readAuth(payload, flags);
            String database = "";
            if ((flags & Capabilities.CONNECT_WITH_DB) != 0 && payload.isReadable()) {
                database = LengthEncoded.readNulTerminated(payload);
            }
            String plugin = "";
            if ((flags & Capabilities.PLUGIN_AUTH) != 0 && payload.isReadable()) {
                plugin = LengthEncoded.readNulTerminated(payload);
            }
            return new HandshakeResponse(flags, user, auth, database, plugin);
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated login packet", e);
        }
    }

    private static byte[] readAuth(ByteBuf payload, int flags) {
        long length;
        if ((flags & Capabilities.PLUGIN_AUTH_LENENC_CLIENT_DATA) != 0) {
            // An 8-byte length can exceed an int, or even read as negative: check it before narrowing.
            length = LengthEncoded.readInt(payload);
        } else if ((flags & Capabilities.SECURE_CONNECTION) != 0) {
            length = payload.readUnsignedByte();
        } else {
            int nul = payload.bytesBefore((byte) 0);
            byte[] auth = ByteBufUtil.getBytes(payload, payload.readerIndex(), nul < 0 ? payload.readableBytes() : nul);
            payload.skipBytes(nul < 0 ? auth.length : auth.length + 1);
            return auth;
        }
        if (length < 0 || length > 255) {
            throw new IllegalArgumentException("auth response of " + Long.toUnsignedString(length) + " bytes");
        }
        byte[] auth = new byte[(int) length];
        payload.readBytes(auth);
        return auth;
    }
}
