package org.spectrumcomet.bench.comet.load;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTP upgrade request of a CppComet WebSocket client. Written by hand because CppComet
 * matches the header {@code Sec-WebSocket-Key: } case-sensitively (spec §I.4.1) and Netty's
 * client handshaker sends header names in lower case. The URL parameters live in the path and
 * are positional: {@code sesion=<key>&myid=<id>&devid=<tenant>&v=4.09&uuid=<32 hex>&api=js}.
 */
public final class UpgradeRequest {

    private UpgradeRequest() {
    }

    /** An anonymous client's path (empty key, user 0) behind the {@code /comet-server} prefix. */
    public static String anonymousPath(String devId) {
        return "/comet-server/ws/sesion=&myid=0&devid=" + devId + "&v=4.09&uuid=" + uuid() + "&api=js";
    }

    /** The whole request, ending with the empty line. */
    public static byte[] bytes(String host, int port, String path) {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + host + ":" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "\r\n";
        return request.getBytes(StandardCharsets.US_ASCII);
    }

    private static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }
}
