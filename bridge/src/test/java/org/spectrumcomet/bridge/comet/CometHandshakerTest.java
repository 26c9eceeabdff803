package org.spectrumcomet.bridge.comet;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CometHandshakerTest {

    @Test
    void theUpgradeRequestUsesThePathAndHeaderSpellingCppCometNeeds() {
        URI uri = URI.create("ws://127.0.0.1:8087/ws/sesion=k&myid=7&devid=0&v=4.09&uuid="
                + "0123456789abcdef0123456789abcdef&api=js");
        EmbeddedChannel ch = new EmbeddedChannel(new HttpClientCodec());
        new CometHandshaker(uri, 65536).handshake(ch);
        StringBuilder wire = new StringBuilder();
        ByteBuf out;
        while ((out = ch.readOutbound()) != null) {
            wire.append(out.toString(StandardCharsets.US_ASCII));
            out.release();
        }
        String request = wire.toString();
        assertThat(request).startsWith("GET /ws/sesion=k&myid=7&devid=0&v=4.09&uuid="
                + "0123456789abcdef0123456789abcdef&api=js HTTP/1.1\r\n");
        assertThat(request).containsPattern("\r\nSec-WebSocket-Key: [A-Za-z0-9+/=]{24}\r\n");
        assertThat(request).contains("\r\nUpgrade: websocket\r\n", "\r\nSec-WebSocket-Version: 13\r\n",
                "\r\nHost: 127.0.0.1:8087\r\n").endsWith("\r\n\r\n");
        assertThat(request).doesNotContain("sec-websocket-key", "Sec-WebSocket-Extensions");
        ch.finishAndReleaseAll();
    }
}
