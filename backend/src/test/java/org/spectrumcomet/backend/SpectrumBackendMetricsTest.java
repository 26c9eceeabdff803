package org.spectrumcomet.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.backend.handler.SessionHandler;
import org.spectrumcomet.backend.link.FakeMain;
import org.spectrumcomet.backend.metrics.ScrapedMetrics;
import org.spectrumcomet.backend.outbound.BackendFeatures;
import org.spectrumcomet.backend.outbound.ChatMessage;
import org.spectrumcomet.backend.outbound.ConnectionError;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/** The whole backend with {@code [metrics]}: a known sequence against a fake main, then /metrics and /health over HTTP. */
class SpectrumBackendMetricsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private FakeMain main;

    @AfterEach
    void tearDown() {
        if (main != null) {
            main.close();
        }
    }

    private int run(BackendDefinition definition, Path cfg) {
        String[] args = {"--host", "127.0.0.1", "--port", Integer.toString(main.port()), "-n", cfg.toString()};
        return SpectrumBackend.run(args, definition, new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path config(int port) throws Exception {
        Path file = dir.resolve("spectrum.cfg");
        Files.writeString(file, "[service]\njid = t.example\n\n[metrics]\nlisten = 127.0.0.1:" + port + "\n");
        return file;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Connects everyone but "no@x" (AUTHENTICATION_FAILED); echoes messages. */
    private static BackendDefinition echo() {
        return BackendDefinition.builder("echo", "1").features(BackendFeatures.builder().build())
                .limits(RuntimeLimits.defaults().withPingTimeout(Duration.ofSeconds(30)))
                .handlers(c -> {
                    MainInstance m = c.mainInstance();
                    SessionHandler sessions = new SessionHandler() {
                        @Override
                        public void login(Protocol.Login login) {
                            if (login.getUser().equals("no@x")) {
                                m.disconnected(login.getUser(), ConnectionError.AUTHENTICATION_FAILED, "no");
                            } else {
                                m.connected(login.getUser());
                            }
                        }

                        @Override
                        public void logout(Protocol.Logout logout) {
                        }
                    };
                    return Handlers.builder().session(sessions).messages(msg -> m.message(msg.getUserName(),
                            ChatMessage.builder(msg.getBuddyName(), msg.getMessage()).build())).build();
                }).build();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static SpectrumMessage login(String user) {
        return SpectrumMessage.of(Type.TYPE_LOGIN,
                Protocol.Login.newBuilder().setUser(user).setLegacyName(user).setPassword("").build());
    }

    @Test
    void countsAKnownSequenceAndReportsHealth() throws Exception {
        main = new FakeMain();
        int port = freePort();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(echo(), configUnchecked(port)));
        main.next(Type.TYPE_BACKEND_CONFIG, 5000);

        main.send(login("a@x"));
        main.next(Type.TYPE_CONNECTED, 3000);
        main.send(login("b@x"));
        main.next(Type.TYPE_CONNECTED, 3000);
        main.send(login("no@x"));
        main.next(Type.TYPE_DISCONNECTED, 3000);
        main.send(SpectrumMessage.of(Type.TYPE_CONV_MESSAGE, Protocol.ConversationMessage.newBuilder()
                .setUserName("a@x").setBuddyName("bob").setMessage("hi").build()));
        main.next(Type.TYPE_CONV_MESSAGE, 3000);
        main.send(SpectrumMessage.of(Type.TYPE_LOGOUT, Protocol.Logout.newBuilder().setUser("b@x").setLegacyName("b").build()));
        main.ping();
        main.next(Type.TYPE_STATS, 3000);

        ScrapedMetrics m = new ScrapedMetrics(get(port, "/metrics").body());
        assertThat(m.value("spectrum_backend_main_link_up")).isEqualTo(1.0);
        assertThat(m.value("spectrum_backend_logins_total{result=\"ok\"}")).isEqualTo(2.0);
        assertThat(m.value("spectrum_backend_logins_total{result=\"authentication_failed\"}")).isEqualTo(1.0);
        assertThat(m.value("spectrum_backend_logouts_total")).isEqualTo(1.0);
        assertThat(m.value("spectrum_backend_users_logged_in")).isEqualTo(1.0);
        assertThat(m.value("spectrum_backend_pings_total")).isEqualTo(1.0);
        assertThat(m.value("spectrum_backend_ping_pong_seconds_count")).isEqualTo(1.0);
        assertThat(m.value("spectrum_backend_ping_pong_seconds_bucket{le=\"1.0\"}")).isEqualTo(1.0);
        assertThat(m.value("spectrum_backend_frames_received_total{type=\"LOGIN\"}")).isEqualTo(3.0);
        assertThat(m.value("spectrum_backend_frames_received_total{type=\"CONV_MESSAGE\"}")).isEqualTo(1.0);
        assertThat(m.value("spectrum_backend_frames_sent_total{type=\"CONNECTED\"}")).isEqualTo(2.0);
        assertThat(m.value("spectrum_backend_frames_sent_total{type=\"CONV_MESSAGE\"}")).isEqualTo(1.0);
        assertThat(m.value("spectrum_backend_outbound_dropped_frames_total")).isZero();

        HttpResponse<String> health = get(port, "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("main: up\n");

        main.send(SpectrumMessage.of(Type.TYPE_EXIT));
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aPortInUseExitsWithTwoAndSaysWhere() throws Exception {
        main = new FakeMain();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(run(echo(), config(taken.getLocalPort()))).isEqualTo(SpectrumBackend.EXIT_CONFIG);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("echo: [metrics] listen = 127.0.0.1:" + taken.getLocalPort() + ": cannot listen there");
        }
    }

    @Test
    void aBadMetricsKeyExitsWithTwo() throws Exception {
        main = new FakeMain();
        Path file = dir.resolve("bad.cfg");
        Files.writeString(file, "[metrics]\nlisten = 127.0.0.1:1\nspeed = fast\n");
        assertThat(run(echo(), file)).isEqualTo(SpectrumBackend.EXIT_CONFIG);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.cfg:3: metrics.speed: unknown key");
    }

    private Path configUnchecked(int port) {
        try {
            return config(port);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
