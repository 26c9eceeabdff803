package org.spectrumcomet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.conformance.comet.WebBody;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;

/**
 * The bridge backend process with {@code [metrics] listen = 127.0.0.1:<free port>}, our comet
 * server and the emulated main: after a known sequence (two logins, three messages XMPP → comet,
 * two comet → XMPP, the main's PINGs) {@code /metrics} shows exactly those counts; {@code /health}
 * turns 503 when comet is killed and 200 once it is back, and the backend's log has exactly one
 * {@code comet link DOWN} and one {@code comet link UP} line for it.
 */
class BackendMetricsTest {

    private static final long ALICE = 6001;
    private static final long BOB = 6002;
    private static final long WEB = 6501;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void metricsCountAKnownSequenceAndHealthFollowsTheCometLink() throws Exception {
        int port = freePort();
        Path data = JavaBackendDirs.fresh("metrics-data");
        try (BridgeRig rig = BridgeRig.start(BridgeRig.inMemory("metrics").withDataDir(data),
                "\n[metrics]\nlisten = 127.0.0.1:" + port + "\n")) {
            MainUser alice = rig.login(ALICE);
            rig.login(BOB);

            for (int i = 1; i <= 3; i++) {
                alice.sendMessage(Long.toString(WEB), "to the web " + i, "m" + i);
            }
            long mark = rig.mark();
            String aliceJid = "u" + ALICE + "@localhost";
            for (int i = 1; i <= 2; i++) {
                rig.cometql.sendPrivate(ALICE, "message", WebBody.text(WEB, "from the web " + i, "w" + i));
            }
            for (int i = 1; i <= 2; i++) {
                String text = "from the web " + i;
                assertThat(rig.await(mark, ConversationMessage.class, c -> c.getUserName().equals(aliceJid)
                        && c.getMessage().equals(text), BridgeRig.REPLY)).as(text).isPresent();
            }

            String chatOk = "spectrum_comet_bridge_messages_to_comet_total{kind=\"chat\",result=\"ok\"}";
            Map<String, Double> m = awaitMetrics(port, s -> s.getOrDefault(chatOk, 0.0) >= 3
                    && s.getOrDefault("spectrum_backend_pings_total", 0.0) >= 1
                    && s.getOrDefault("spectrum_comet_bridge_outbox_pending", 1.0) == 0);
            assertThat(m.get(chatOk)).isEqualTo(3.0);
            assertThat(m.get("spectrum_comet_bridge_messages_to_comet_total{kind=\"chat\",result=\"failed\"}")).isZero();
            assertThat(m.get("spectrum_comet_bridge_messages_to_comet_total{kind=\"room\",result=\"ok\"}")).isZero();
            assertThat(m.get("spectrum_comet_bridge_messages_from_comet_total{kind=\"chat\"}")).isEqualTo(2.0);
            assertThat(m.get("spectrum_backend_frames_received_total{type=\"CONV_MESSAGE\"}")).isEqualTo(3.0);
            assertThat(m.get("spectrum_backend_logins_total{result=\"ok\"}")).isEqualTo(2.0);
            assertThat(m.get("spectrum_backend_users_logged_in")).isEqualTo(2.0);
            assertThat(m.get("spectrum_comet_bridge_sessions{state=\"connected\"}")).isEqualTo(2.0);
            assertThat(m.get("spectrum_comet_bridge_outbox_pending_max")).isZero();
            assertThat(m.get("spectrum_backend_ping_pong_seconds_count"))
                    .isEqualTo(m.get("spectrum_backend_frames_received_total{type=\"PING\"}"))
                    .isGreaterThanOrEqualTo(1.0);
            assertThat(m.get("spectrum_backend_main_link_up")).isEqualTo(1.0);
            assertThat(m.get("spectrum_comet_bridge_comet_link_up")).isEqualTo(1.0);
            assertThat(m).containsKey("jvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"}");

            HttpResponse<String> up = get(port, "/health");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).isEqualTo("main: up\ncomet: up\n");

            rig.killComet();
            HttpResponse<String> down = awaitHealth(port, 503);
            assertThat(down.body()).matches("(?s)main: up\ncomet: down: (websocket ws://|cometql )127\\.0\\.0\\.1:.*");
            assertThat(metrics(port).get("spectrum_comet_bridge_comet_link_up")).isZero();

            rig.restartComet();
            assertThat(awaitHealth(port, 200).body()).isEqualTo("main: up\ncomet: up\n");
            Map<String, Double> after = metrics(port);
            assertThat(after.get("spectrum_comet_bridge_reconnects_total{link=\"websocket\"}")).isEqualTo(2.0);
            assertThat(after.get("spectrum_backend_users_logged_in")).isEqualTo(2.0);

            List<String> lines = Files.readAllLines(rig.main.process().logFile()).stream()
                    .filter(l -> l.contains("comet link ")).toList();
            assertThat(lines).hasSize(2);
            // the sockets notice the kill at once; the idle probe could only find CometQL gone 10 s later
            assertThat(lines.get(0)).containsPattern("comet link DOWN: (websocket ws://|cometql )127\\.0\\.0\\.1:")
                    .contains("(2 users in grace period)");
            assertThat(lines.get(1)).containsPattern("comet link UP: cometql 127\\.0\\.0\\.1:\\d+, websocket ws://127\\.0\\.0\\.1:\\d+ \\(after \\d+ s\\)");
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The exposition as "name{labels}" → value. */
    private Map<String, Double> metrics(int port) throws Exception {
        HttpResponse<String> r = get(port, "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Double> values = new LinkedHashMap<>();
        for (String line : r.body().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return values;
    }

    private Map<String, Double> awaitMetrics(int port, Predicate<Map<String, Double>> ready) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, Double> m = metrics(port);
        while (!ready.test(m)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("metrics never got there: " + m);
            }
            Thread.sleep(100);
            m = metrics(port);
        }
        return m;
    }

    private HttpResponse<String> awaitHealth(int port, int status) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> r = get(port, "/health");
        while (r.statusCode() != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("/health never answered " + status + "; last: " + r.statusCode() + " " + r.body());
            }
            Thread.sleep(100);
            r = get(port, "/health");
        }
        return r;
    }
}
