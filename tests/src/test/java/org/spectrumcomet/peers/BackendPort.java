package org.spectrumcomet.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free loopback port for Spectrum's {@code backend_port}, below the kernel's ephemeral range
 * (32768–60999 on Linux). With {@code backend_port = 0} Spectrum picks a random 30000–39999 port
 * itself; when that port is held by some client socket its bind fails without a word, it still logs
 * "Listening on … port N", and the backend gets "connection refused" (seen in a CI run). A port
 * below the ephemeral range is never handed to a client socket, so free now means free at start.
 */
final class BackendPort {

    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;
    private static final int ATTEMPTS = 200;

    private BackendPort() {
    }

    static int pick() throws IOException {
        for (int i = 0; i < ATTEMPTS; i++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // in use: try another
            }
        }
        throw new IOException("no free loopback port in " + LOW + "–" + HIGH + " after " + ATTEMPTS + " tries");
    }
}
