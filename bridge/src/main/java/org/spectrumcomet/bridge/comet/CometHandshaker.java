package org.spectrumcomet.bridge.comet;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker13;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.util.Map;

/**
 * RFC 6455 client handshake with the header spelling CppComet insists on.
 *
 * <p>Netty writes header names in lower case; CppComet finds the key only when the header is
 * spelled exactly {@code Sec-WebSocket-Key: } (case-sensitive, spec §I.4.1), so the request's
 * upgrade headers are rewritten in their canonical spelling. No extensions, no subprotocol,
 * no masking shortcuts.
 */
final class CometHandshaker extends WebSocketClientHandshaker13 {

    private static final Map<CharSequence, String> CANONICAL = Map.of(
            HttpHeaderNames.HOST, "Host",
            HttpHeaderNames.UPGRADE, "Upgrade",
            HttpHeaderNames.CONNECTION, "Connection",
            HttpHeaderNames.SEC_WEBSOCKET_KEY, "Sec-WebSocket-Key",
            HttpHeaderNames.SEC_WEBSOCKET_VERSION, "Sec-WebSocket-Version",
            HttpHeaderNames.ORIGIN, "Origin");

    CometHandshaker(URI uri, int maxFramePayloadLength) {
        super(uri, WebSocketVersion.V13, null, false, new DefaultHttpHeaders(), maxFramePayloadLength,
                true, false, 1000L);
    }

    @Override
    protected FullHttpRequest newHandshakeRequest() {
        FullHttpRequest request = super.newHandshakeRequest();
        HttpHeaders original = request.headers();
        HttpHeaders rewritten = new DefaultHttpHeaders();
        for (Map.Entry<String, String> h : original) {
            rewritten.add(canonical(h.getKey()), h.getValue());
        }
        original.clear();
        original.add(rewritten);
        return request;
    }

    private static String canonical(String name) {
        for (Map.Entry<CharSequence, String> e : CANONICAL.entrySet()) {
            if (e.getKey().toString().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return name;
    }
}
