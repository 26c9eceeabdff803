package org.spectrumcomet.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A loopback port free right now, for a listener another process opens (the backend's
 * {@code [metrics]}). Another program may take it before the backend binds; the backend then
 * exits with code 2 naming the port, and the demo reports that step.
 */
final class FreePort {

    private FreePort() {
    }

    static int pick() throws DemoFailure {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DemoFailure("no free loopback port for the backend's metrics: " + e.getMessage(), e);
        }
    }
}
