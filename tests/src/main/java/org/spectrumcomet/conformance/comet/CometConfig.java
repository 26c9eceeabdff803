package org.spectrumcomet.conformance.comet;

/**
 * The {@code [comet]} section the bridge gets in tests: the comet server's CometQL port, the
 * WebSocket through the {@link CometGate}, and timeouts short enough for scenarios (a login
 * refused by the gate fails at once; a lost socket is retried within 2 s).
 */
public final class CometConfig {

    private CometConfig() {
    }

    /** The section for {@code target} with the sockets going through the gate on {@code gatePort}. */
    public static String section(CometTarget target, int gatePort) {
        return "[comet]\n"
                + "cometql = " + target.host() + ":" + target.cometqlPort() + "\n"
                + "websocket = ws://" + target.host() + ":" + gatePort + "\n"
                + "dev_id = " + target.tenantId() + "\n"
                + "dev_key = " + target.tenantKey() + "\n"
                + "login_timeout = 4s\n"
                + "query_timeout = 4s\n"
                + "reconnect_min = 200ms\n"
                + "reconnect_max = 2s\n"
                + "grace_period = 60s\n"
                + "history_limit = 30\n"
                + "max_body_bytes = 8800\n";
    }
}
