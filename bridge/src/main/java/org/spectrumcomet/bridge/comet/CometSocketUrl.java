package org.spectrumcomet.bridge.comet;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The WebSocket URL, exactly as CppComet's positional parser reads it (spec §I.4.1):
 * {@code ws://HOST:PORT/ws/sesion=<key>&myid=<id>&devid=<dev>&v=4.09&uuid=<32 hex>&api=js}.
 * Parameters live in the path (no {@code ?}), in this order, unencoded — so the key is checked
 * to need no encoding. ({@code sesion} is the server's spelling.)
 */
public final class CometSocketUrl {

    /** The protocol version we speak; major ≥ 4 gets the modern frame shape. */
    public static final String VERSION = "4.09";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CometSocketUrl() {
    }

    public static URI of(CometEndpoint endpoint, long userId, String key, String uuid) {
        if (!uuid.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("connection uuid must be 32 lower-case hex digits: " + uuid);
        }
        String host = endpoint.wsHost().contains(":") ? "[" + endpoint.wsHost() + "]" : endpoint.wsHost();
        return URI.create("ws://" + host + ":" + endpoint.wsPort() + endpoint.wsPath()
                + "sesion=" + CometNames.requireSessionKey(key)
                + "&myid=" + CometNames.requireUserId(userId)
                + "&devid=" + endpoint.devId()
                + "&v=" + VERSION
                + "&uuid=" + uuid
                + "&api=js");
    }

    /** A fresh random connection uuid (shown to others in {@code track_} events). */
    public static String newUuid() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
