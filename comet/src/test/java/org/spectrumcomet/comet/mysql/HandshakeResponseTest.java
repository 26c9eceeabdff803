package org.spectrumcomet.comet.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HandshakeResponseTest {

    private static final int LENENC_LOGIN = Capabilities.PROTOCOL_41 | Capabilities.SECURE_CONNECTION
            | Capabilities.PLUGIN_AUTH_LENENC_CLIENT_DATA;

    private static ByteBuf login(int flags, byte[] authLength, byte[] auth) {
        ByteBuf payload = Unpooled.buffer();
        payload.writeIntLE(flags).writeIntLE(1 << 24).writeByte(45).writeZero(23)
                .writeBytes("root".getBytes(StandardCharsets.US_ASCII)).writeByte(0)
                .writeBytes(authLength).writeBytes(auth);
        return payload;
    }

    @Test
    void readsALengthEncodedAuthResponse() {
        ByteBuf payload = login(LENENC_LOGIN, new byte[] {3}, new byte[] {1, 2, 3});
        try {
            HandshakeResponse response = HandshakeResponse.parse(payload);
            assertThat(response.user()).isEqualTo("root");
            assertThat(response.authResponse()).containsExactly(1, 2, 3);
        } finally {
            payload.release();
        }
    }

    /** Found by fuzzing: an 8-byte length of 2^64-1 used to become -1 and a NegativeArraySizeException (ERR 500). */
    @Test
    void refusesAnEightByteAuthLengthThatDoesNotFitAnInt() {
        byte[] huge = {(byte) 0xFE, -1, -1, -1, -1, -1, -1, -1, -1};
        ByteBuf payload = login(LENENC_LOGIN, huge, new byte[0]);
        try {
            assertThatThrownBy(() -> HandshakeResponse.parse(payload))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("18446744073709551615 bytes");
        } finally {
            payload.release();
        }
    }

    /** 2^32 + 3 used to be narrowed to 3 and read as a 3-byte answer. */
    @Test
    void refusesAnAuthLengthAboveAnInt() {
        byte[] wraps = {(byte) 0xFE, 3, 0, 0, 0, 1, 0, 0, 0};
        ByteBuf payload = login(LENENC_LOGIN, wraps, new byte[] {1, 2, 3});
        try {
            assertThatThrownBy(() -> HandshakeResponse.parse(payload)).isInstanceOf(IllegalArgumentException.class);
        } finally {
            payload.release();
        }
    }
}
